//! Two buffer patterns of host/guest exchange: [`RequestBuffer`] and
//! [`DoubleBuffer`], each carved out of an [`Arena`].

use super::arena::Arena;
use super::error::MemoryError;
use super::storage::Memory;
use crate::LayoutError;

/// The bytes `[offset, offset + len)` of `bytes`, or `OutOfBounds`.
fn range(bytes: &[u8], offset: u32, len: usize) -> Result<&[u8], MemoryError> {
    let start = offset as usize;
    start.checked_add(len).and_then(|end| bytes.get(start..end)).ok_or(MemoryError::Layout(
        LayoutError::OutOfBounds { offset: start, needed: len, available: bytes.len() },
    ))
}

fn range_mut(bytes: &mut [u8], offset: u32, len: usize) -> Result<&mut [u8], MemoryError> {
    let start = offset as usize;
    let available = bytes.len();
    start
        .checked_add(len)
        .and_then(|end| bytes.get_mut(start..end))
        .ok_or(MemoryError::Layout(LayoutError::OutOfBounds { offset: start, needed: len, available }))
}

/// One region for a request and one for its response, each `max_size`
/// bytes, side by side in an arena: the host writes the request, the guest
/// reads it and writes its response, the host reads the response.
///
/// ```
/// use wasm_layout_core::memory::{Arena, LinearMemory, MemoryError, RequestBuffer};
///
/// let mut memory = LinearMemory::new(1, 1)?;
/// let mut arena = Arena::new(1024, 4096)?;
/// let rb = RequestBuffer::new(&mut arena, 256)?;
/// let response = rb.process(&mut memory, b"ping", |bytes, req, len, resp, max| {
///     // what a guest's exported function would do
///     bytes.copy_within(req as usize..req as usize + len, resp as usize);
///     Ok(len.min(max))
/// })?;
/// assert_eq!(response, b"ping");
/// assert_eq!(
///     rb.write_request(&mut memory, &[0; 300]),
///     Err(MemoryError::RequestTooLarge { len: 300, max: 256 })
/// );
/// # Ok::<(), MemoryError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RequestBuffer {
    request: u32,
    response: u32,
    max_size: u32,
}

impl RequestBuffer {
    /// Allocates both regions, 8-aligned, from `arena` (both or neither).
    pub fn new(arena: &mut Arena, max_size: usize) -> Result<Self, MemoryError> {
        let max32 = u32::try_from(max_size).map_err(|_| MemoryError::AddressSpace {
            offset: u64::from(arena.base()),
            size: max_size as u64,
        })?;
        let mut trial = arena.clone();
        let request = trial.alloc(max_size, 8)?;
        let response = trial.alloc(max_size, 8)?;
        *arena = trial;
        Ok(RequestBuffer { request, response, max_size: max32 })
    }

    /// The request region's address.
    #[inline]
    pub fn request_ptr(&self) -> u32 {
        self.request
    }

    /// The response region's address.
    #[inline]
    pub fn response_ptr(&self) -> u32 {
        self.response
    }

    /// The size of each region.
    #[inline]
    pub fn max_size(&self) -> u32 {
        self.max_size
    }

    /// Copies `request` into the request region and returns its address,
    /// or `RequestTooLarge` (writing nothing).
    pub fn write_request<M: Memory + ?Sized>(
        &self,
        memory: &mut M,
        request: &[u8],
    ) -> Result<u32, MemoryError> {
        if request.len() > self.max_size as usize {
            return Err(MemoryError::RequestTooLarge {
                len: request.len() as u64,
                max: u64::from(self.max_size),
            });
        }
        range_mut(memory.bytes_mut(), self.request, request.len())?.copy_from_slice(request);
        Ok(self.request)
    }

    /// The first `len` bytes of the response region, or `ResponseTooLarge`.
    pub fn response<'m, M: Memory + ?Sized>(
        &self,
        memory: &'m M,
        len: usize,
    ) -> Result<&'m [u8], MemoryError> {
        if len > self.max_size as usize {
            return Err(MemoryError::ResponseTooLarge { len: len as u64, max: u64::from(self.max_size) });
        }
        range(memory.bytes(), self.response, len)
    }

    /// One round trip: writes `request`, calls `handle(memory bytes,
    /// request ptr, request len, response ptr, max size)`, which returns the
    /// response length, and returns a copy of the response.
    #[cfg(feature = "alloc")]
    pub fn process<M, F>(
        &self,
        memory: &mut M,
        request: &[u8],
        handle: F,
    ) -> Result<alloc::vec::Vec<u8>, MemoryError>
    where
        M: Memory + ?Sized,
        F: FnOnce(&mut [u8], u32, usize, u32, usize) -> Result<usize, MemoryError>,
    {
        let req = self.write_request(memory, request)?;
        let len = handle(memory.bytes_mut(), req, request.len(), self.response, self.max_size as usize)?;
        Ok(self.response(memory, len)?.to_vec())
    }
}

/// Two buffers of the same size for streaming or animation: one is read
/// (front) while the other is written (back), then they [`swap`](DoubleBuffer::swap).
///
/// ```
/// use wasm_layout_core::memory::{Arena, DoubleBuffer, LinearMemory};
///
/// let mut memory = LinearMemory::new(1, 1)?;
/// let mut arena = Arena::new(1024, 4096)?;
/// let mut db = DoubleBuffer::new(&mut arena, 64)?;
/// let (front, back) = (db.front(), db.back());
/// db.back_mut(&mut memory)?[0] = 7;
/// db.swap();
/// assert_eq!((db.front(), db.back()), (back, front));
/// assert_eq!(db.front_bytes(&memory)?[0], 7);
/// # Ok::<(), wasm_layout_core::memory::MemoryError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DoubleBuffer {
    buffers: [u32; 2],
    current: bool,
    size: u32,
}

impl DoubleBuffer {
    /// Allocates both buffers, 8-aligned, from `arena` (both or neither).
    pub fn new(arena: &mut Arena, size: usize) -> Result<Self, MemoryError> {
        let size32 = u32::try_from(size)
            .map_err(|_| MemoryError::AddressSpace { offset: u64::from(arena.base()), size: size as u64 })?;
        let mut trial = arena.clone();
        let a = trial.alloc(size, 8)?;
        let b = trial.alloc(size, 8)?;
        *arena = trial;
        Ok(DoubleBuffer { buffers: [a, b], current: false, size: size32 })
    }

    /// The buffer being read.
    #[inline]
    pub fn front(&self) -> u32 {
        let [a, b] = self.buffers;
        if self.current {
            b
        } else {
            a
        }
    }

    /// The buffer being written.
    #[inline]
    pub fn back(&self) -> u32 {
        let [a, b] = self.buffers;
        if self.current {
            a
        } else {
            b
        }
    }

    /// Exchanges front and back.
    #[inline]
    pub fn swap(&mut self) {
        self.current = !self.current;
    }

    /// The size of each buffer.
    #[inline]
    pub fn size(&self) -> u32 {
        self.size
    }

    /// The front buffer's bytes.
    pub fn front_bytes<'m, M: Memory + ?Sized>(&self, memory: &'m M) -> Result<&'m [u8], MemoryError> {
        range(memory.bytes(), self.front(), self.size as usize)
    }

    /// The back buffer's bytes, mutable.
    pub fn back_mut<'m, M: Memory + ?Sized>(&self, memory: &'m mut M) -> Result<&'m mut [u8], MemoryError> {
        range_mut(memory.bytes_mut(), self.back(), self.size as usize)
    }
}
