/*
 * The end-to-end guest: a particle simulation over structs that hosts place
 * in this module's linear memory. Its struct definitions come only from the
 * generated schema.h (the Rust types in tests/e2e-schema/src/lib.rs).
 *
 * Build: cargo xtask guest (clang --target=wasm32, no libc); it also appends
 * the custom section "wasm_layout_source" holding a hash of this file and
 * schema.h, so a stale guest.wasm is caught without a C compiler.
 *
 * Allocation from the shared arena and pool headers comes from the shipped
 * runtime, wasm-layout-runtime.h (a copy kept current by the tests).
 *
 * Pointers from the host are untrusted here too: each export checks that what
 * it reads and writes lies inside memory and returns a status.
 */
#include "schema.h"
#include "wasm-layout-runtime.h"

#define EXPORT(name) __attribute__((export_name(name)))

/* Statuses the step functions return. */
enum {
    STATUS_OK = 0,
    STATUS_OUT_OF_BOUNDS = 1,
    STATUS_MISALIGNED = 2,
    STATUS_OVERLAP = 3,
    /* A value no type has (label_kind: no such Kind). */
    STATUS_INVALID = 4,
};

/* Particle.flags: bit 0 set when it bounced, bit 1 when it died, the high
 * byte counts the frames it has lived (saturating at 255). */
#define FLAG_BOUNCED 0x0001u
#define FLAG_DIED 0x0002u
#define AGE_SHIFT 8u
/* A spark cools into smoke at this age. */
#define SPARK_LIFETIME 16u

extern unsigned char __heap_base;

/* Guest state in its data section, so hosts' memory dumps cover it. */
static uint32_t frames;
static uint64_t particles_stepped;

static uint64_t memory_bytes(void) {
    return (uint64_t)__builtin_wasm_memory_size(0) * 65536u;
}

/* Whether [ptr, ptr + size) lies inside memory and ptr is not null. */
static bool in_bounds(uint32_t ptr, uint64_t size) {
    return ptr != 0 && (uint64_t)ptr + size <= memory_bytes();
}

static uint32_t check_block(uint32_t ptr, uint64_t size, uint32_t align) {
    if (!in_bounds(ptr, size)) return STATUS_OUT_OF_BOUNDS;
    if (ptr % align != 0) return STATUS_MISALIGNED;
    return STATUS_OK;
}

static uint32_t check_array(uint32_t ptr, uint32_t count) {
    if (count == 0) return STATUS_OK;
    return check_block(ptr, (uint64_t)count * sizeof(Particle), _Alignof(Particle));
}

/* Steps one particle; returns whether it is alive afterwards. */
static bool advance(Particle *p, float dt, Vec3 gravity) {
    if (!p->alive) return false;
    /* Smoke rises: a quarter of gravity, upwards. */
    float pull = p->kind == Kind_Smoke ? -0.25f : 1.0f;
    p->vel.x += gravity.x * pull * dt;
    p->vel.y += gravity.y * pull * dt;
    p->vel.z += gravity.z * pull * dt;
    p->pos.x += p->vel.x * dt;
    p->pos.y += p->vel.y * dt;
    p->pos.z += p->vel.z * dt;

    uint32_t age = ((uint32_t)p->flags >> AGE_SHIFT) + 1u;
    if (age > 255u) age = 255u;
    uint32_t flags = (age << AGE_SHIFT) | (p->flags & 0xffu);

    if (p->pos.y < 0.0f) {
        if (p->kind == Kind_Dust) {
            p->pos.y = -p->pos.y;
            p->vel.y = -p->vel.y * 0.5f;
            flags |= FLAG_BOUNCED;
        } else {
            p->alive = false;
            flags |= FLAG_DIED;
        }
    }
    if (p->kind == Kind_Spark && age >= SPARK_LIFETIME) p->kind = Kind_Smoke;
    p->flags = (uint16_t)flags;
    return p->alive;
}

/* Kinetic plus potential energy of a live particle, in double. */
static double energy_of(const Particle *p, Vec3 gravity) {
    double vx = p->vel.x, vy = p->vel.y, vz = p->vel.z;
    double kinetic = 0.5 * (double)p->mass * (vx * vx + vy * vy + vz * vz);
    double potential = (double)p->mass * -(double)gravity.y * (double)p->pos.y;
    return kinetic + potential;
}

/* Steps src[0..count) into dst[0..count) (which may be the same array) and
 * reports the live particles and their energy. */
static void step_all(const Particle *src, Particle *dst, uint32_t count, float dt, Vec3 gravity,
                     StepResponse *response) {
    uint32_t alive = 0;
    double energy = 0.0;
    for (uint32_t i = 0; i < count; i++) {
        Particle p = src[i];
        if (advance(&p, dt, gravity)) {
            alive++;
            energy += energy_of(&p, gravity);
        }
        dst[i] = p;
    }
    frames++;
    particles_stepped += count;
    response->alive = alive;
    response->energy = energy;
}

static void *at(uint32_t ptr) {
    return (void *)(uintptr_t)ptr;
}

/* The layout fingerprint this guest was compiled against, by type:
 * 0 Particle, 1 StepRequest, 2 StepResponse, 3 StepFrame, 4 Label, 5 Event;
 * 0 for others. */
EXPORT("layout_fingerprint")
uint64_t layout_fingerprint(uint32_t type) {
    switch (type) {
    case 0: return Particle_FINGERPRINT;
    case 1: return StepRequest_FINGERPRINT;
    case 2: return StepResponse_FINGERPRINT;
    case 3: return StepFrame_FINGERPRINT;
    case 4: return Label_FINGERPRINT;
    case 5: return Event_FINGERPRINT;
    default: return 0;
    }
}

/* The first byte after the guest's data and stack: hosts allocate above it. */
EXPORT("heap_base")
uint32_t heap_base(void) {
    return (uint32_t)(uintptr_t)&__heap_base;
}

/* Request/response: steps the particles a StepRequest points to in place
 * and writes a StepResponse. */
EXPORT("step")
uint32_t step(uint32_t request_ptr, uint32_t response_ptr) {
    uint32_t status = check_block(request_ptr, sizeof(StepRequest), _Alignof(StepRequest));
    if (status == STATUS_OK) status = check_block(response_ptr, sizeof(StepResponse), _Alignof(StepResponse));
    if (status != STATUS_OK) return status;
    const StepRequest *request = at(request_ptr);
    status = check_array(request->particles, request->count);
    if (status != STATUS_OK) return status;
    Particle *particles = at(request->particles);
    step_all(particles, particles, request->count, request->dt, request->gravity, at(response_ptr));
    return STATUS_OK;
}

/* Double buffering: steps StepFrame.src into StepFrame.dst, which must not
 * overlap, and writes a StepResponse. */
EXPORT("step_frame")
uint32_t step_frame(uint32_t frame_ptr, uint32_t response_ptr) {
    uint32_t status = check_block(frame_ptr, sizeof(StepFrame), _Alignof(StepFrame));
    if (status == STATUS_OK) status = check_block(response_ptr, sizeof(StepResponse), _Alignof(StepResponse));
    if (status != STATUS_OK) return status;
    const StepFrame *frame = at(frame_ptr);
    status = check_array(frame->src, frame->count);
    if (status == STATUS_OK) status = check_array(frame->dst, frame->count);
    if (status != STATUS_OK) return status;
    uint64_t bytes = (uint64_t)frame->count * sizeof(Particle);
    if (frame->count != 0 && frame->src < frame->dst + bytes && frame->dst < frame->src + bytes) {
        return STATUS_OVERLAP;
    }
    step_all(at(frame->src), at(frame->dst), frame->count, frame->dt, frame->gravity, at(response_ptr));
    return STATUS_OK;
}

/* Frames stepped since instantiation, by either function. */
EXPORT("frames")
uint32_t frames_stepped(void) {
    return frames;
}

/* Particles stepped since instantiation. */
EXPORT("particles_stepped")
uint64_t total_particles_stepped(void) {
    return particles_stepped;
}

/* The last failure of a shared_* export (status, header field, value). */
static wl_error shared_error;

/* Allocates from the SharedArena whose header is at `at`: the block's address
 * in the low 32 bits, the wl_status in the high 32 bits. */
EXPORT("shared_arena_alloc")
uint64_t shared_arena_alloc(uint32_t at, uint32_t size, uint32_t align) {
    uint32_t ptr = 0;
    uint32_t status = wl_shared_arena_alloc(at, size, align, &ptr, &shared_error);
    return (uint64_t)status << 32 | ptr;
}

/* Takes a slot of the SharedPool whose header is at `at`: its index in the low
 * 32 bits (its generation is in the slot table), the wl_status in the high
 * 32 bits. */
EXPORT("shared_pool_alloc")
uint64_t shared_pool_alloc(uint32_t at) {
    wl_pool_handle handle = {0, 0, 0};
    uint32_t status = wl_shared_pool_alloc(at, &handle, &shared_error);
    return (uint64_t)status << 32 | handle.index;
}

/* Frees a slot of the SharedPool at `at`; returns the wl_status. */
EXPORT("shared_pool_free")
uint32_t shared_pool_free(uint32_t at, uint32_t pool, uint32_t index, uint32_t generation) {
    wl_pool_handle handle = {pool, index, generation};
    return wl_shared_pool_free(at, handle, &shared_error);
}

/* The header field (its offset) the last WL_BAD_HEADER named. */
EXPORT("shared_error_field")
uint32_t shared_error_field(void) {
    return shared_error.field;
}

/* The value the last failure reported. */
EXPORT("shared_error_value")
uint32_t shared_error_value(void) {
    return shared_error.value;
}

/* label_kind writes the name's bytes (zero-padded to 8) right after the
 * Label, and the member indices after them. */
#define LABEL_TEXT ((uint32_t)sizeof(Label))
#define LABEL_MEMBERS (LABEL_TEXT + 8u)

/* The kinds' names, zero-padded. */
static const char KIND_NAMES[3][8] = {"dust", "spark", "smoke"};
static const uint32_t KIND_NAME_LENGTHS[3] = {4, 5, 5};

/* Writes at `out` a Label naming `kind` and listing the indices of the live
 * particles of that kind among `count` at `particles`, with its text and its
 * members after it: LABEL_MEMBERS + 4 * count bytes, aligned as a Label. */
EXPORT("label_kind")
uint32_t label_kind(uint32_t particles, uint32_t count, uint32_t kind, uint32_t out) {
    uint32_t status = check_array(particles, count);
    if (status == STATUS_OK) {
        status = check_block(out, LABEL_MEMBERS + (uint64_t)count * sizeof(uint32_t), _Alignof(Label));
    }
    if (status != STATUS_OK) return status;
    if (kind > Kind_Smoke) return STATUS_INVALID;
    char *text = at(out + LABEL_TEXT);
    for (uint32_t i = 0; i < 8; i++) text[i] = KIND_NAMES[kind][i];
    uint32_t *members = at(out + LABEL_MEMBERS);
    const Particle *p = at(particles);
    uint32_t n = 0;
    float max_mass = 0.0f;
    for (uint32_t i = 0; i < count; i++) {
        if (p[i].alive && p[i].kind == kind) {
            if (n == 0 || p[i].mass > max_mass) max_mass = p[i].mass;
            members[n++] = i;
        }
    }
    Label *label = at(out);
    label->name = (WasmStr){text, KIND_NAME_LENGTHS[kind]};
    label->members = (WasmSlice_u32){members, n};
    /* Option<WasmPtr<Particle>>: 0 is None. Option<f32>: tag 1 and the value,
     * or tag 0 and zeros. */
    label->leader = n == 0 ? 0u : particles + members[0] * (uint32_t)sizeof(Particle);
    __builtin_memset(&label->max_mass, 0, sizeof label->max_mass);
    if (n != 0) {
        label->max_mass.tag = 1;
        label->max_mass.some = max_mass;
    }
    return STATUS_OK;
}

/* Writes at `out`, which has room for `capacity` Events, what `count`
 * particles at `particles` show: a Spawn per live particle, a Collide per two
 * neighbouring live particles of the same kind, then a Tick. Returns the
 * number of events in the low 32 bits and the status in the high 32 bits;
 * when they do not fit, STATUS_OUT_OF_BOUNDS and nothing is written. */
EXPORT("record_events")
uint64_t record_events(uint32_t particles, uint32_t count, uint32_t out, uint32_t capacity) {
    uint32_t status = check_array(particles, count);
    if (status == STATUS_OK) status = check_block(out, (uint64_t)capacity * sizeof(Event), _Alignof(Event));
    if (status != STATUS_OK) return (uint64_t)status << 32;
    const Particle *p = at(particles);
    uint32_t needed = 1;
    for (uint32_t i = 0; i < count; i++) {
        if (!p[i].alive) continue;
        needed++;
        if (i + 1 < count && p[i + 1].alive && p[i + 1].kind == p[i].kind) needed++;
    }
    if (needed > capacity) return (uint64_t)STATUS_OUT_OF_BOUNDS << 32;
    Event *e = at(out);
    uint32_t n = 0;
    for (uint32_t i = 0; i < count; i++) {
        if (!p[i].alive) continue;
        __builtin_memset(&e[n], 0, sizeof(Event));
        e[n].tag = Event_Spawn_TAG;
        e[n].payload.Spawn.id = p[i].id;
        n++;
        if (i + 1 < count && p[i + 1].alive && p[i + 1].kind == p[i].kind) {
            __builtin_memset(&e[n], 0, sizeof(Event));
            e[n].tag = Event_Collide_TAG;
            e[n].payload.Collide._0 = i;
            e[n].payload.Collide._1 = i + 1;
            n++;
        }
    }
    __builtin_memset(&e[n], 0, sizeof(Event));
    e[n].tag = Event_Tick_TAG;
    return n + 1;
}
