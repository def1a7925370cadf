// Type-checks the runtime as shipped.
export * from "../../../layout-core/runtime/wasm-layout-runtime.ts";
