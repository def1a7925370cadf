//! The TypeScript emitter: one self-contained module over `DataView`.
//!
//! Per struct `Name`: `interface Name`, `NameLayout`, `NameFingerprint`,
//! `readName`, `writeName` and `class NameView`. Per enum: an `as const`
//! object and a union type of the same name, `NameLayout`,
//! `NameFingerprint` and `readName`. Helpers are emitted only when used, so
//! the file passes `noUnusedLocals`.

use alloc::collections::BTreeSet;
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use crate::names::{field_name, variant_name};
use crate::writer::Writer;
use crate::{Backend, BindingsError, Language, GENERATED_NOTICE};
use wasm_layout_core::descriptor::{EnumLayout, Scalar, StructLayout, TypeKind, TypeLayout};
use wasm_layout_core::fingerprint;

/// Words a type name cannot be: reserved words, primitive type names and the
/// globals the generated code uses.
const RESERVED_TYPES: &[&str] = &[
    "any",
    "Array",
    "as",
    "async",
    "await",
    "bigint",
    "boolean",
    "break",
    "case",
    "catch",
    "class",
    "const",
    "continue",
    "DataView",
    "debugger",
    "declare",
    "default",
    "delete",
    "do",
    "else",
    "enum",
    "export",
    "extends",
    "false",
    "finally",
    "for",
    "from",
    "function",
    "get",
    "if",
    "implements",
    "import",
    "in",
    "infer",
    "instanceof",
    "interface",
    "is",
    "keyof",
    "let",
    "module",
    "namespace",
    "never",
    "new",
    "null",
    "number",
    "object",
    "of",
    "package",
    "private",
    "protected",
    "public",
    "RangeError",
    "readonly",
    "require",
    "return",
    "set",
    "static",
    "string",
    "super",
    "switch",
    "symbol",
    "this",
    "throw",
    "true",
    "try",
    "type",
    "typeof",
    "undefined",
    "unique",
    "unknown",
    "var",
    "void",
    "WebAssembly",
    "while",
    "with",
    "yield",
];

/// Property names that would not mean a plain property.
const RESERVED_MEMBERS: &[&str] = &["constructor", "__proto__", "prototype"];

const READ_BOOL: &str = "readBoolAt";
const BAD_BOOL: &str = "invalidBool";
const ZERO: &str = "zeroBytes";
const CHECK_LENGTH: &str = "checkLength";
const DATA_VIEW: &str = "dataViewOf";
const EMPTY_VIEW: &str = "emptyView";
const CACHED_BUFFER: &str = "cachedBuffer";
const CACHED_VIEW: &str = "cachedView";

/// Arrays up to this length are read as one array literal (fastest in V8);
/// longer ones fill an array in a loop.
const LITERAL_ARRAY_MAX: usize = 16;

/// Emits TypeScript; remembers which helpers the file needs.
pub(crate) struct TypeScript {
    read_bool: bool,
    zero: bool,
    check_length: bool,
    data_view: bool,
    declared: BTreeSet<String>,
}

impl TypeScript {
    pub(crate) fn new() -> Self {
        // The helpers' names are taken even when a file does not need them,
        // so whether a type may be declared does not depend on other types.
        let declared =
            [READ_BOOL, BAD_BOOL, ZERO, CHECK_LENGTH, DATA_VIEW, EMPTY_VIEW, CACHED_BUFFER, CACHED_VIEW]
                .into_iter()
                .map(String::from)
                .collect();
        TypeScript { read_bool: false, zero: false, check_length: false, data_view: false, declared }
    }

    fn declare(&mut self, name: String) -> Result<(), BindingsError> {
        if self.declared.insert(name.clone()) {
            Ok(())
        } else {
            Err(BindingsError::DuplicateName { language: Language::TypeScript, name })
        }
    }

    fn declare_type(&mut self, ty: &TypeLayout, struct_items: bool) -> Result<&'static str, BindingsError> {
        let name = ty.export_name();
        if RESERVED_TYPES.contains(&name) {
            return Err(reserved(name, String::from("type")));
        }
        self.declare(name.to_string())?;
        self.declare(format!("{name}Layout"))?;
        self.declare(format!("{name}Fingerprint"))?;
        self.declare(format!("read{name}"))?;
        if struct_items {
            self.declare(format!("write{name}"))?;
            self.declare(format!("{name}View"))?;
        }
        Ok(name)
    }

    /// An expression reading a `t` at `at` from `view`; `ctx` names the field
    /// in errors; `depth` numbers the index variables of nested arrays.
    fn read(&mut self, t: &TypeLayout, at: &str, ctx: &str, depth: usize) -> String {
        match t.kind {
            TypeKind::Scalar(Scalar::Bool) => {
                self.read_bool = true;
                format!("{READ_BOOL}(view, {at}, \"{ctx}\")")
            }
            TypeKind::Scalar(s) => get(s, at),
            TypeKind::Pointer(_) => get(Scalar::U32, at),
            TypeKind::Array(a) if a.len <= LITERAL_ARRAY_MAX => {
                let elems: Vec<String> = (0..a.len)
                    .map(|i| self.read(a.elem, &offset_expr(at, i * a.elem.size), ctx, depth + 1))
                    .collect();
                format!("[{}]", elems.join(", "))
            }
            TypeKind::Array(a) => {
                let elem_at = format!("{at} + i{depth} * {}", a.elem.size);
                let elem = self.read(a.elem, &elem_at, ctx, depth + 1);
                let ty = ts_type(a.elem);
                format!(
                    "((): {ty}[] => {{ const out{depth}: {ty}[] = []; for (let i{depth} = 0; i{depth} < {len}; i{depth}++) out{depth}.push({elem}); return out{depth}; }})()",
                    len = a.len
                )
            }
            TypeKind::Struct(_) => format!("read{}(view, {at})", t.export_name()),
            TypeKind::Enum(_) => format!("read{}(view, {at}, \"{ctx}\")", t.export_name()),
        }
    }

    /// Statements writing `value` (a `t`) at `at` into `view`.
    fn write(&mut self, w: &mut Writer, t: &TypeLayout, at: &str, value: &str, ctx: &str, depth: usize) {
        match t.kind {
            TypeKind::Scalar(Scalar::Bool) => w.line(format_args!("view.setUint8({at}, {value} ? 1 : 0);")),
            TypeKind::Scalar(s) => w.line(format_args!("{};", set(s, at, value))),
            TypeKind::Pointer(_) => w.line(format_args!("{};", set(Scalar::U32, at, value))),
            TypeKind::Enum(e) => w.line(format_args!("{};", set(e.repr, at, value))),
            TypeKind::Struct(_) => w.line(format_args!("write{}(view, {at}, {value});", t.export_name())),
            TypeKind::Array(a) => {
                self.check_length = true;
                w.line(format_args!("{CHECK_LENGTH}({value}, {}, \"{ctx}\");", a.len));
                w.open(format_args!("for (let i{depth} = 0; i{depth} < {}; i{depth}++) {{", a.len));
                let elem_at = format!("{at} + i{depth} * {}", a.elem.size);
                // `!`: the length was just checked (and keeps the code valid
                // under `noUncheckedIndexedAccess`).
                self.write(w, a.elem, &elem_at, &format!("{value}[i{depth}]!"), ctx, depth + 1);
                w.close(format_args!("}}"));
            }
        }
    }

    fn view_class(&mut self, w: &mut Writer, ty: &TypeLayout, s: &StructLayout) {
        let name = ty.export_name();
        w.line(format_args!(
            "/** A live view of one `{name}` in a `WebAssembly.Memory`; survives `memory.grow`. */"
        ));
        w.open(format_args!("export class {name}View {{"));
        if s.fields.is_empty() {
            w.line(format_args!("constructor(_memory: WebAssembly.Memory, _ptr: number) {{}}"));
            w.close(format_args!("}}"));
            return;
        }
        self.data_view = true;
        // `#ptr` and `#view` start as a number and a DataView, not as
        // `undefined`: V8 then keeps `#ptr` a small integer and knows that
        // `#view` only ever holds a DataView, so a getter loads the field
        // and reads, with no check of what it loaded. Over a hand-written
        // loop with a hoisted DataView, a view moved along an array then
        // costs one store (`ptr`) and one load (`#view`) per element.
        w.line(format_args!("readonly #memory: WebAssembly.Memory;"));
        w.line(format_args!("#ptr = 0;"));
        w.line(format_args!("#view: DataView = {EMPTY_VIEW};"));
        w.open(format_args!("constructor(memory: WebAssembly.Memory, ptr: number) {{"));
        w.line(format_args!("this.#memory = memory;"));
        w.line(format_args!("this.#ptr = ptr;"));
        w.line(format_args!("this.#view = {DATA_VIEW}(memory);"));
        w.close(format_args!("}}"));
        w.line(format_args!(
            "/** Where the viewed `{name}` starts; set it to move the view (e.g. along an array). */"
        ));
        w.open(format_args!("get ptr(): number {{"));
        w.line(format_args!("return this.#ptr;"));
        w.close(format_args!("}}"));
        w.open(format_args!("set ptr(value: number) {{"));
        w.line(format_args!("this.#ptr = value;"));
        w.close(format_args!("}}"));
        w.line(format_args!(
            "/** After `error`: the memory's current DataView if `memory.grow` replaced the buffer (a detached buffer throws rather than being read), else `error` again. */"
        ));
        w.open(format_args!("#fresh(error: unknown): DataView {{"));
        w.line(format_args!("const view = {DATA_VIEW}(this.#memory);"));
        w.open(format_args!("if (view === this.#view) {{"));
        w.line(format_args!("throw error;"));
        w.close(format_args!("}}"));
        w.line(format_args!("this.#view = view;"));
        w.line(format_args!("return view;"));
        w.close(format_args!("}}"));
        for f in s.fields {
            let field = field_name(s, f);
            let ctx = format!("{name}.{field}");
            let at = offset_expr("this.#ptr", f.offset);
            match f.ty.kind {
                TypeKind::Struct(_) => {
                    let inner = f.ty.export_name();
                    w.open(format_args!("get {field}(): {inner}View {{"));
                    w.line(format_args!("return new {inner}View(this.#memory, {at});"));
                }
                // A zero-length array: nothing to read, no buffer involved.
                _ if f.ty.size == 0 => {
                    w.open(format_args!("get {field}(): {} {{", ts_type(f.ty)));
                    w.line(format_args!("return {};", self.read(f.ty, &at, &ctx, 0)));
                }
                _ => {
                    let read = self.read(f.ty, &at, &ctx, 0);
                    w.open(format_args!("get {field}(): {} {{", ts_type(f.ty)));
                    // The fast path reads the cached view; only an exception
                    // (detached or outgrown buffer, or a real error) costs more.
                    w.line(format_args!("let view = this.#view;"));
                    w.open(format_args!("try {{"));
                    w.line(format_args!("return {read};"));
                    w.close_open(format_args!("}} catch (error) {{"));
                    w.line(format_args!("view = this.#fresh(error);"));
                    w.line(format_args!("return {read};"));
                    w.close(format_args!("}}"));
                }
            }
            w.close(format_args!("}}"));
            w.open(format_args!("set {field}(value: {}) {{", ts_type(f.ty)));
            w.line(format_args!("let view = this.#view;"));
            w.open(format_args!("try {{"));
            self.write(w, f.ty, &at, "value", &ctx, 0);
            w.close_open(format_args!("}} catch (error) {{"));
            w.line(format_args!("view = this.#fresh(error);"));
            self.write(w, f.ty, &at, "value", &ctx, 0);
            w.close(format_args!("}}"));
            w.close(format_args!("}}"));
        }
        w.close(format_args!("}}"));
    }

    fn helpers(&self, w: &mut Writer) {
        if self.read_bool {
            // The check stays small so V8 inlines it; the throw lives apart.
            w.blank();
            w.open(format_args!(
                "function {READ_BOOL}(view: DataView, at: number, field: string): boolean {{"
            ));
            w.line(format_args!("const byte = view.getUint8(at);"));
            w.line(format_args!("return byte === 1 || (byte !== 0 && {BAD_BOOL}(byte, at, field));"));
            w.close(format_args!("}}"));
            w.open(format_args!("function {BAD_BOOL}(byte: number, at: number, field: string): never {{"));
            w.line(format_args!(
                "throw new RangeError(`invalid bool ${{byte}} in ${{field}} at offset ${{at}}`);"
            ));
            w.close(format_args!("}}"));
        }
        if self.zero {
            w.blank();
            w.open(format_args!("function {ZERO}(view: DataView, at: number, length: number): void {{"));
            w.open(format_args!("for (let i = 0; i < length; i++) {{"));
            w.line(format_args!("view.setUint8(at + i, 0);"));
            w.close(format_args!("}}"));
            w.close(format_args!("}}"));
        }
        if self.data_view {
            w.blank();
            w.line(format_args!(
                "/** Every view's DataView before its first: the field never holds anything but a DataView. */"
            ));
            w.line(format_args!("const {EMPTY_VIEW}: DataView = new DataView(new ArrayBuffer(0));"));
            w.line(format_args!("let {CACHED_BUFFER}: ArrayBufferLike | undefined;"));
            w.line(format_args!("let {CACHED_VIEW}: DataView = {EMPTY_VIEW};"));
            w.line(format_args!("/** One DataView per buffer, shared by every view of it. */"));
            w.open(format_args!("function {DATA_VIEW}(memory: WebAssembly.Memory): DataView {{"));
            w.line(format_args!("const buffer = memory.buffer;"));
            w.open(format_args!("if ({CACHED_BUFFER} !== buffer) {{"));
            w.line(format_args!("{CACHED_BUFFER} = buffer;"));
            w.line(format_args!("{CACHED_VIEW} = new DataView(buffer);"));
            w.close(format_args!("}}"));
            w.line(format_args!("return {CACHED_VIEW};"));
            w.close(format_args!("}}"));
        }
        if self.check_length {
            w.blank();
            w.open(format_args!(
                "function {CHECK_LENGTH}(value: readonly unknown[], length: number, field: string): void {{"
            ));
            w.open(format_args!("if (value.length !== length) {{"));
            w.line(format_args!(
                "throw new RangeError(`${{field}} needs ${{length}} elements, got ${{value.length}}`);"
            ));
            w.close(format_args!("}}"));
            w.close(format_args!("}}"));
        }
    }
}

impl Backend for TypeScript {
    const INDENT: &'static str = "  ";

    fn begin(&mut self, w: &mut Writer, _types: &[&'static TypeLayout]) {
        w.line(format_args!("// {GENERATED_NOTICE}"));
        w.line(format_args!("// Layouts are wasm32, little-endian; `ptr` is a byte offset into the view."));
    }

    fn enumeration(&mut self, w: &mut Writer, ty: &TypeLayout, e: &EnumLayout) -> Result<(), BindingsError> {
        let name = self.declare_type(ty, false)?;
        w.blank();
        w.open(format_args!("export const {name} = {{"));
        for v in e.variants {
            let variant = variant_name(v);
            if RESERVED_MEMBERS.contains(&variant) {
                return Err(reserved(variant, format!("variant of {name}")));
            }
            w.line(format_args!("{variant}: {},", v.value));
        }
        w.close(format_args!("}} as const;"));
        w.line(format_args!("export type {name} = (typeof {name})[keyof typeof {name}];"));
        w.line(format_args!(
            "export const {name}Layout = {{ size: {}, align: {} }} as const;",
            ty.size, ty.align
        ));
        w.line(format_args!("export const {name}Fingerprint = 0x{:016x}n;", fingerprint(ty)));
        w.line(format_args!(
            "/** Reads a `{name}`; throws a `RangeError` naming `field` on an unknown value. */"
        ));
        w.open(format_args!(
            "export function read{name}(view: DataView, ptr: number, field = \"{name}\"): {name} {{"
        ));
        w.line(format_args!("const value = {};", get(e.repr, "ptr")));
        w.open(format_args!("switch (value) {{"));
        for (i, v) in e.variants.iter().enumerate() {
            w.line(format_args!("case {}:", v.value));
            if i + 1 == e.variants.len() {
                w.line(format_args!("{}return value as {name};", Self::INDENT));
            }
        }
        w.close(format_args!("}}"));
        w.line(format_args!(
            "throw new RangeError(`invalid {name} discriminant ${{value}} in ${{field}} at offset ${{ptr}}`);"
        ));
        w.close(format_args!("}}"));
        Ok(())
    }

    fn structure(&mut self, w: &mut Writer, ty: &TypeLayout, s: &StructLayout) -> Result<(), BindingsError> {
        let name = self.declare_type(ty, true)?;
        let mut fields = BTreeSet::new();
        for f in s.fields {
            let field = field_name(s, f);
            if RESERVED_MEMBERS.contains(&field.as_str()) {
                return Err(reserved(&field, format!("field of {name}")));
            }
            if !fields.insert(field.clone()) {
                return Err(BindingsError::DuplicateName {
                    language: Language::TypeScript,
                    name: format!("{name}.{field}"),
                });
            }
        }
        w.blank();
        if s.fields.is_empty() {
            w.line(format_args!("export interface {name} {{}}"));
        } else {
            w.open(format_args!("export interface {name} {{"));
            for f in s.fields {
                w.line(format_args!("{}: {};", field_name(s, f), ts_type(f.ty)));
            }
            w.close(format_args!("}}"));
        }

        w.open(format_args!("export const {name}Layout = {{"));
        w.line(format_args!("size: {},", ty.size));
        w.line(format_args!("align: {},", ty.align));
        if s.fields.is_empty() {
            w.line(format_args!("offsets: {{}},"));
        } else {
            w.open(format_args!("offsets: {{"));
            for f in s.fields {
                w.line(format_args!("{}: {},", field_name(s, f), f.offset));
            }
            w.close(format_args!("}},"));
        }
        w.close(format_args!("}} as const;"));
        w.line(format_args!("export const {name}Fingerprint = 0x{:016x}n;", fingerprint(ty)));

        let unused = if s.fields.is_empty() { "_" } else { "" };
        w.open(format_args!(
            "export function read{name}({unused}view: DataView, {unused}ptr: number): {name} {{"
        ));
        if s.fields.is_empty() {
            w.line(format_args!("return {{}};"));
        } else {
            w.open(format_args!("return {{"));
            for f in s.fields {
                let field = field_name(s, f);
                let read = self.read(f.ty, &offset_expr("ptr", f.offset), &format!("{name}.{field}"), 0);
                w.line(format_args!("{field}: {read},"));
            }
            w.close(format_args!("}};"));
        }
        w.close(format_args!("}}"));

        w.line(format_args!("/** Writes every field of `value` and zeroes the padding. */"));
        w.open(format_args!(
            "export function write{name}({unused}view: DataView, {unused}ptr: number, {unused}value: {name}): void {{"
        ));
        for (i, f) in s.fields.iter().enumerate() {
            let field = field_name(s, f);
            let ctx = format!("{name}.{field}");
            self.write(w, f.ty, &offset_expr("ptr", f.offset), &format!("value.{field}"), &ctx, 0);
            let pad = ty.padding_after(i);
            if pad > 0 {
                self.zero = true;
                let at = offset_expr("ptr", f.offset + f.ty.size);
                w.line(format_args!("{ZERO}(view, {at}, {pad}); // padding"));
            }
        }
        w.close(format_args!("}}"));
        self.view_class(w, ty, s);
        Ok(())
    }

    fn end(&mut self, w: &mut Writer) {
        self.helpers(w);
    }
}

fn reserved(name: &str, context: String) -> BindingsError {
    BindingsError::ReservedName { language: Language::TypeScript, name: name.to_string(), context }
}

/// The TypeScript type of a value of `t`.
fn ts_type(t: &TypeLayout) -> String {
    match t.kind {
        TypeKind::Scalar(Scalar::Bool) => String::from("boolean"),
        TypeKind::Scalar(Scalar::U64 | Scalar::I64) => String::from("bigint"),
        TypeKind::Scalar(_) | TypeKind::Pointer(_) => String::from("number"),
        TypeKind::Array(a) => format!("{}[]", ts_type(a.elem)),
        TypeKind::Struct(_) | TypeKind::Enum(_) => t.export_name().to_string(),
    }
}

fn accessor(s: Scalar) -> &'static str {
    match s {
        Scalar::U8 | Scalar::Bool => "Uint8",
        Scalar::U16 => "Uint16",
        Scalar::U32 => "Uint32",
        Scalar::U64 => "BigUint64",
        Scalar::I8 => "Int8",
        Scalar::I16 => "Int16",
        Scalar::I32 => "Int32",
        Scalar::I64 => "BigInt64",
        Scalar::F32 => "Float32",
        Scalar::F64 => "Float64",
    }
}

/// `view.getX(at)`, little-endian where the width needs it.
fn get(s: Scalar, at: &str) -> String {
    let endian = if s.size() > 1 { ", true" } else { "" };
    format!("view.get{}({at}{endian})", accessor(s))
}

fn set(s: Scalar, at: &str, value: &str) -> String {
    let endian = if s.size() > 1 { ", true" } else { "" };
    format!("view.set{}({at}, {value}{endian})", accessor(s))
}

fn offset_expr(base: &str, offset: usize) -> String {
    if offset == 0 {
        base.to_string()
    } else {
        format!("{base} + {offset}")
    }
}
