//! [`Guest`]: the instantiated guest module and its exports, through wasmi.

use wasm_layout::memory::{pages_for, Memory, MemoryError, MAX_PAGES, PAGE_SIZE};
use wasm_layout::WasmPtr;
use wasmi::{Engine, Linker, Module, Store, TypedFunc};

use crate::schema::{StepFrame, StepRequest, StepResponse};
use crate::{HostError, FINGERPRINTS, SOURCE_SECTION};

/// An instantiated guest and its exports.
pub struct Guest {
    store: Store<()>,
    instance: wasmi::Instance,
    memory: wasmi::Memory,
    layout_fingerprint: TypedFunc<u32, i64>,
    heap_base: TypedFunc<(), u32>,
    step: TypedFunc<(u32, u32), u32>,
    step_frame: TypedFunc<(u32, u32), u32>,
    frames: TypedFunc<(), u32>,
    bump_alloc: Option<TypedFunc<i32, u32>>,
    /// The source hash the module carries, if any.
    pub source_hash: Option<String>,
}

fn export<P: wasmi::WasmParams, R: wasmi::WasmResults>(
    store: &Store<()>,
    instance: &wasmi::Instance,
    name: &'static str,
) -> Result<TypedFunc<P, R>, HostError> {
    instance.get_typed_func::<P, R>(store, name).map_err(|error| HostError::Export { name, error })
}

impl Guest {
    /// Compiles and instantiates `wasm` (no imports).
    pub fn new(wasm: &[u8]) -> Result<Self, HostError> {
        let engine = Engine::default();
        let module = Module::new(&engine, wasm)?;
        let source_hash = module
            .custom_sections()
            .find(|s| s.name() == SOURCE_SECTION)
            .map(|s| String::from_utf8_lossy(s.data()).into_owned());
        let mut store = Store::new(&engine, ());
        let instance = Linker::<()>::new(&engine).instantiate_and_start(&mut store, &module)?;
        let memory = instance.get_memory(&store, "memory").ok_or_else(|| HostError::Export {
            name: "memory",
            error: wasmi::Error::new("the guest exports no memory"),
        })?;
        Ok(Guest {
            layout_fingerprint: export(&store, &instance, "layout_fingerprint")?,
            heap_base: export(&store, &instance, "heap_base")?,
            step: export(&store, &instance, "step")?,
            step_frame: export(&store, &instance, "step_frame")?,
            frames: export(&store, &instance, "frames")?,
            bump_alloc: instance.get_typed_func::<i32, u32>(&store, "bump_alloc").ok(),
            store,
            instance,
            memory,
            source_hash,
        })
    }

    /// Checks every fingerprint in [`FINGERPRINTS`] against the guest's.
    pub fn check_fingerprints(&mut self) -> Result<(), HostError> {
        for (index, (ty, host)) in (0u32..).zip(FINGERPRINTS) {
            let guest = self.layout_fingerprint.call(&mut self.store, index)? as u64;
            if guest != host {
                return Err(HostError::Fingerprint { ty, guest, host });
            }
        }
        Ok(())
    }

    /// The first byte above the guest's data and stack.
    pub fn heap_base(&mut self) -> Result<u32, HostError> {
        Ok(self.heap_base.call(&mut self.store, ())?)
    }

    /// Frames the guest has stepped.
    pub fn frames(&mut self) -> Result<u32, HostError> {
        Ok(self.frames.call(&mut self.store, ())?)
    }

    /// Calls the guest's `bump_alloc(size)` (the Odin guest's): the address
    /// of `size` fresh bytes, or 0 when it has none. An error when the guest
    /// does not export it.
    pub fn bump_alloc(&mut self, size: i32) -> Result<u32, HostError> {
        let f = self.bump_alloc.ok_or_else(|| HostError::Export {
            name: "bump_alloc",
            error: wasmi::Error::new("the guest exports no `bump_alloc(i32) -> i32`"),
        })?;
        Ok(f.call(&mut self.store, size)?)
    }

    /// Calls the export `name`, which must have the type `P -> R`.
    pub fn call<P: wasmi::WasmParams, R: wasmi::WasmResults>(
        &mut self,
        name: &'static str,
        params: P,
    ) -> Result<R, HostError> {
        let f = export::<P, R>(&self.store, &self.instance, name)?;
        Ok(f.call(&mut self.store, params)?)
    }

    /// Calls `step(request, response)`.
    pub fn step(
        &mut self,
        request: WasmPtr<StepRequest>,
        response: WasmPtr<StepResponse>,
    ) -> Result<(), HostError> {
        let status = self.step.call(&mut self.store, (request.offset(), response.offset()))?;
        status_ok("step", status)
    }

    /// Calls `step_frame(frame, response)`.
    pub fn step_frame(
        &mut self,
        frame: WasmPtr<StepFrame>,
        response: WasmPtr<StepResponse>,
    ) -> Result<(), HostError> {
        let status = self.step_frame.call(&mut self.store, (frame.offset(), response.offset()))?;
        status_ok("step_frame", status)
    }

    /// The size of the guest's memory in 64 KiB pages.
    pub fn pages(&self) -> u64 {
        self.memory.size(&self.store)
    }

    /// The guest's memory.
    pub fn bytes(&self) -> &[u8] {
        self.memory.data(&self.store)
    }

    /// The guest's memory, mutable.
    pub fn bytes_mut(&mut self) -> &mut [u8] {
        self.memory.data_mut(&mut self.store)
    }

    /// Grows the memory (`memory.grow`) until `len` bytes are addressable;
    /// returns the pages added.
    pub fn grow_to(&mut self, len: u64) -> Result<u64, HostError> {
        let pages = self.memory.size(&self.store);
        let delta = pages_for(len).saturating_sub(pages);
        if delta > 0 {
            self.memory.grow(&mut self.store, delta).map_err(|e| HostError::Wasm(e.into()))?;
        }
        Ok(delta)
    }
}

fn status_ok(export: &'static str, status: u32) -> Result<(), HostError> {
    if status == 0 {
        Ok(())
    } else {
        Err(HostError::Status { export, status })
    }
}

/// The guest's memory as the toolkit's [`Memory`], so the allocators that
/// grow (`Bump`, `Arena::alloc_in`, `Arena::place_growing`,
/// `Pool::place_growing`, …) grow it through `memory.grow`.
impl Memory for Guest {
    fn bytes(&self) -> &[u8] {
        self.memory.data(&self.store)
    }

    fn bytes_mut(&mut self) -> &mut [u8] {
        self.memory.data_mut(&mut self.store)
    }

    fn grow_to(&mut self, len: u64) -> Result<(), MemoryError> {
        let pages = self.memory.size(&self.store);
        let delta = pages_for(len).saturating_sub(pages);
        if delta == 0 {
            return Ok(());
        }
        let maximum = self.max_pages().unwrap_or(MAX_PAGES);
        self.memory.grow(&mut self.store, delta).map(|_| ()).map_err(|_| MemoryError::GrowFailed {
            pages: pages as u32,
            delta,
            maximum,
        })
    }

    fn max_len(&self) -> u64 {
        u64::from(self.max_pages().unwrap_or(MAX_PAGES)) * PAGE_SIZE as u64
    }

    fn max_pages(&self) -> Option<u32> {
        let maximum = self.memory.ty(&self.store).maximum().unwrap_or(u64::from(MAX_PAGES));
        Some(maximum.min(u64::from(MAX_PAGES)) as u32)
    }
}
