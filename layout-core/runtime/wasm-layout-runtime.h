/*
 * wasm-layout runtime for C guests: allocation from the shared arena and
 * pool headers (wasm_layout::memory::SharedArena and SharedPool; the format,
 * the checks and their order are documented there) in the guest's own linear
 * memory, so that the guest, a Rust host and a JavaScript host allocate from
 * one region with one algorithm.
 *
 * Header-only, C11, freestanding (no libc), for wasm32 (clang --target=wasm32).
 * Every function reads the header, checks it, and writes nothing unless it
 * succeeds; a failure is a wl_status (the Rust MemoryError variant of the same
 * name) and, for WL_BAD_HEADER, the first field found wrong (its byte offset in
 * the header) and its value. Not thread-safe, like the Rust and TypeScript
 * allocators.
 */
#ifndef WASM_LAYOUT_RUNTIME_H
#define WASM_LAYOUT_RUNTIME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Why an operation did nothing: the MemoryError variant of the same name. */
typedef enum wl_status {
    WL_OK = 0,
    WL_ZERO_SIZE = 1,
    WL_BAD_ALIGN = 2,
    WL_ADDRESS_SPACE = 3,
    WL_EXHAUSTED = 4,
    WL_POOL_EXHAUSTED = 5,
    WL_OUTSIDE_REGION = 6,
    WL_FOREIGN_HANDLE = 7,
    WL_DOUBLE_FREE = 8,
    WL_STALE_HANDLE = 9,
    WL_BAD_HEADER = 10,
    /* MemoryError::Layout(OutOfBounds): the header passes the end of memory. */
    WL_OUT_OF_BOUNDS = 11,
} wl_status;

/* The last failure: its status, and for WL_BAD_HEADER the field's offset in
 * the header and its value. */
typedef struct wl_error {
    uint32_t status;
    uint32_t field;
    uint32_t value;
} wl_error;

typedef struct wl_arena_header {
    uint32_t magic;
    uint16_t version;
    uint16_t flags;
    uint32_t base;
    uint32_t capacity;
    uint32_t used;
    uint32_t high_water;
    uint32_t allocations;
    uint32_t reserved;
} wl_arena_header;
_Static_assert(sizeof(wl_arena_header) == 32, "arena header: 32 bytes");
_Static_assert(offsetof(wl_arena_header, high_water) == 20, "arena header: high_water at 20");

typedef struct wl_pool_header {
    uint32_t magic;
    uint16_t version;
    uint16_t flags;
    uint32_t base;
    uint32_t stride;
    uint32_t slots;
    uint32_t table;
    uint32_t free_head;
    uint32_t live;
    uint32_t high_water;
    uint32_t reserved;
} wl_pool_header;
_Static_assert(sizeof(wl_pool_header) == 40, "pool header: 40 bytes");
_Static_assert(offsetof(wl_pool_header, high_water) == 32, "pool header: high_water at 32");

typedef struct wl_pool_slot {
    uint32_t generation;
    uint32_t next;
} wl_pool_slot;
_Static_assert(sizeof(wl_pool_slot) == 8, "pool slot: 8 bytes");

/* A pool slot: its pool's first slot address, its index, its (odd) generation. */
typedef struct wl_pool_handle {
    uint32_t pool;
    uint32_t index;
    uint32_t generation;
} wl_pool_handle;

#define WL_ARENA_MAGIC 0x52414c57u /* "WLAR" */
#define WL_POOL_MAGIC 0x4c504c57u  /* "WLPL" */
#define WL_HEADER_VERSION 1u
#define WL_NIL 0xffffffffu
#define WL_ADDRESS_SPACE_BYTES 0x100000000ull

static inline uint64_t wl_memory_len(void) {
    return (uint64_t)__builtin_wasm_memory_size(0) * 65536u;
}

static inline void *wl_at(uint32_t address) {
    return (void *)(uintptr_t)address;
}

static inline bool wl_overlap(uint64_t a, uint64_t a_len, uint64_t b, uint64_t b_len) {
    return a < b + b_len && b < a + a_len;
}

static inline uint32_t wl_fail(wl_error *err, uint32_t status, uint32_t field, uint32_t value) {
    err->status = status;
    err->field = field;
    err->value = value;
    return status;
}

#define WL_BAD(err, type, field, value) \
    wl_fail((err), WL_BAD_HEADER, (uint32_t)offsetof(type, field), (value))

/* Reads and checks the arena header at `at`. */
static inline uint32_t wl_arena_header_read(uint32_t at, wl_arena_header *h, wl_error *err) {
    uint64_t len = wl_memory_len();
    if ((uint64_t)at + sizeof *h > len) return wl_fail(err, WL_OUT_OF_BOUNDS, 0, at);
    __builtin_memcpy(h, wl_at(at), sizeof *h);
    if (h->magic != WL_ARENA_MAGIC) return WL_BAD(err, wl_arena_header, magic, h->magic);
    if (h->version != WL_HEADER_VERSION) return WL_BAD(err, wl_arena_header, version, h->version);
    if (h->flags != 0) return WL_BAD(err, wl_arena_header, flags, h->flags);
    if (h->base == 0) return WL_BAD(err, wl_arena_header, base, h->base);
    if (h->capacity == 0 || (uint64_t)h->base + h->capacity > len) {
        return WL_BAD(err, wl_arena_header, capacity, h->capacity);
    }
    if (wl_overlap(at, sizeof *h, h->base, h->capacity)) return WL_BAD(err, wl_arena_header, base, h->base);
    if (h->used > h->capacity) return WL_BAD(err, wl_arena_header, used, h->used);
    if (h->high_water > h->capacity) return WL_BAD(err, wl_arena_header, high_water, h->high_water);
    return WL_OK;
}

/* Allocates `size` bytes aligned to `align` from the shared arena at `at`;
 * the block's address in *out. */
static inline uint32_t wl_shared_arena_alloc(uint32_t at, uint32_t size, uint32_t align, uint32_t *out,
                                             wl_error *err) {
    wl_arena_header h;
    uint32_t status = wl_arena_header_read(at, &h, err);
    if (status != WL_OK) return status;
    uint64_t top = (uint64_t)h.base + h.used;
    uint64_t end = (uint64_t)h.base + h.capacity;
    if (size == 0) return wl_fail(err, WL_ZERO_SIZE, 0, 0);
    if (align == 0 || (align & (align - 1)) != 0) return wl_fail(err, WL_BAD_ALIGN, 0, align);
    uint64_t mask = (uint64_t)align - 1;
    uint64_t start = (top + mask) & ~mask;
    if (start + size > WL_ADDRESS_SPACE_BYTES) return wl_fail(err, WL_ADDRESS_SPACE, 0, (uint32_t)start);
    if (start + size > end) return wl_fail(err, WL_EXHAUSTED, 0, (uint32_t)(end - top));
    h.used = (uint32_t)(start + size - h.base);
    if (h.used > h.high_water) h.high_water = h.used;
    if (h.allocations != 0xffffffffu) h.allocations++;
    __builtin_memcpy(wl_at(at), &h, sizeof h);
    *out = (uint32_t)start;
    return WL_OK;
}

/* Reads and checks the pool header at `at`. */
static inline uint32_t wl_pool_header_read(uint32_t at, wl_pool_header *h, wl_error *err) {
    uint64_t len = wl_memory_len();
    if ((uint64_t)at + sizeof *h > len) return wl_fail(err, WL_OUT_OF_BOUNDS, 0, at);
    __builtin_memcpy(h, wl_at(at), sizeof *h);
    if (h->magic != WL_POOL_MAGIC) return WL_BAD(err, wl_pool_header, magic, h->magic);
    if (h->version != WL_HEADER_VERSION) return WL_BAD(err, wl_pool_header, version, h->version);
    if (h->flags != 0) return WL_BAD(err, wl_pool_header, flags, h->flags);
    if (h->stride == 0) return WL_BAD(err, wl_pool_header, stride, h->stride);
    if (h->slots == 0) return WL_BAD(err, wl_pool_header, slots, h->slots);
    if (h->base == 0) return WL_BAD(err, wl_pool_header, base, h->base);
    uint64_t region = (uint64_t)h->stride * h->slots;
    if (h->base + region > len) return WL_BAD(err, wl_pool_header, slots, h->slots);
    uint64_t table_len = (uint64_t)h->slots * sizeof(wl_pool_slot);
    if (h->table + table_len > len || wl_overlap(at, sizeof *h, h->table, table_len)) {
        return WL_BAD(err, wl_pool_header, table, h->table);
    }
    if (wl_overlap(at, sizeof *h, h->base, region) || wl_overlap(h->table, table_len, h->base, region)) {
        return WL_BAD(err, wl_pool_header, base, h->base);
    }
    if (h->free_head != WL_NIL && h->free_head >= h->slots) {
        return WL_BAD(err, wl_pool_header, free_head, h->free_head);
    }
    if (h->live > h->slots) return WL_BAD(err, wl_pool_header, live, h->live);
    if (h->high_water > h->slots) return WL_BAD(err, wl_pool_header, high_water, h->high_water);
    return WL_OK;
}

static inline wl_pool_slot wl_pool_slot_read(const wl_pool_header *h, uint32_t index) {
    wl_pool_slot s;
    __builtin_memcpy(&s, wl_at(h->table + index * (uint32_t)sizeof s), sizeof s);
    return s;
}

static inline void wl_pool_slot_write(const wl_pool_header *h, uint32_t index, wl_pool_slot s) {
    __builtin_memcpy(wl_at(h->table + index * (uint32_t)sizeof s), &s, sizeof s);
}

static inline void wl_pool_set_head(uint32_t at, wl_pool_header *h, uint32_t head, uint32_t live) {
    h->free_head = head;
    h->live = live;
    if (live > h->high_water) h->high_water = live;
    __builtin_memcpy(wl_at(at), h, sizeof *h);
}

/* Takes a free slot of the shared pool at `at`: its handle in *out. */
static inline uint32_t wl_shared_pool_alloc(uint32_t at, wl_pool_handle *out, wl_error *err) {
    wl_pool_header h;
    uint32_t status = wl_pool_header_read(at, &h, err);
    if (status != WL_OK) return status;
    uint32_t index = h.free_head;
    if (index == WL_NIL) return wl_fail(err, WL_POOL_EXHAUSTED, 0, h.slots);
    wl_pool_slot s = wl_pool_slot_read(&h, index);
    if (h.live >= h.slots) return WL_BAD(err, wl_pool_header, live, h.live);
    if ((s.generation & 1u) != 0 || (s.next != WL_NIL && s.next >= h.slots)) {
        return WL_BAD(err, wl_pool_header, free_head, index);
    }
    wl_pool_slot taken = {s.generation + 1u, s.next};
    wl_pool_slot_write(&h, index, taken);
    wl_pool_set_head(at, &h, s.next, h.live + 1u);
    out->pool = h.base;
    out->index = index;
    out->generation = taken.generation;
    return WL_OK;
}

/* Gives the slot `handle` names back to the shared pool at `at`. */
static inline uint32_t wl_shared_pool_free(uint32_t at, wl_pool_handle handle, wl_error *err) {
    wl_pool_header h;
    uint32_t status = wl_pool_header_read(at, &h, err);
    if (status != WL_OK) return status;
    if (handle.pool != h.base) return wl_fail(err, WL_FOREIGN_HANDLE, 0, handle.pool);
    if (handle.index >= h.slots) return wl_fail(err, WL_OUTSIDE_REGION, 0, handle.index);
    wl_pool_slot s = wl_pool_slot_read(&h, handle.index);
    if (s.generation != handle.generation || (handle.generation & 1u) == 0) {
        if ((handle.generation & 1u) == 1u && s.generation == handle.generation + 1u) {
            return wl_fail(err, WL_DOUBLE_FREE, 0, h.base + handle.index * h.stride);
        }
        return wl_fail(err, WL_STALE_HANDLE, 0, s.generation);
    }
    wl_pool_slot freed = {s.generation + 1u, h.free_head};
    wl_pool_slot_write(&h, handle.index, freed);
    wl_pool_set_head(at, &h, handle.index, h.live - 1u);
    return WL_OK;
}

#endif /* WASM_LAYOUT_RUNTIME_H */
