//! `cargo xtask difftest`: differential layout testing.
//!
//! A seeded generator makes random struct shapes (every scalar, `bool`,
//! `WasmPtr`, arrays nested up to three deep, structs nested up to four deep,
//! packed and aligned variants, enums of every repr) and lays each out three
//! ways:
//!
//! 1. by `#[derive(WasmLayout)]`: a scratch crate under `target/difftest/`
//!    prints every type's `SIZE`, `ALIGN` and `OFFSET_*` constants (and checks
//!    them against its `LAYOUT` descriptor);
//! 2. by [`reference()`], a small independent implementation of the wasm32 C
//!    rules written here;
//! 3. by clang for wasm32, through `_Static_assert`s of the numbers Rust printed.
//!
//! Shape `k` of seed `s` depends only on `(s, k)`, so any failure names the
//! command that regenerates just that shape.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::run::root;

/// The seed `cargo xtask ci` and a bare `cargo xtask difftest` use.
pub const DEFAULT_SEED: u64 = 0x5EED_1A70_u64;
/// Shapes checked by `cargo xtask ci`.
pub const CI_SHAPES: usize = 1_000;
/// Shapes checked by `--long`.
pub const LONG_SHAPES: usize = 100_000;
/// Shapes per scratch-crate build (and per C file).
const CHUNK: usize = 2_000;

/// What to check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// How many shapes (numbered from 0).
    pub shapes: usize,
    /// The generator seed.
    pub seed: u64,
    /// Check only this shape, and print its Rust and C source.
    pub only: Option<usize>,
}

impl Default for Options {
    fn default() -> Self {
        Options { shapes: CI_SHAPES, seed: DEFAULT_SEED, only: None }
    }
}

/// Parses `[--shapes N] [--seed S] [--long] [--only K]`.
pub fn parse(args: &[String]) -> Result<Options, String> {
    let mut o = Options::default();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = |name: &str| it.next().ok_or(format!("{name} needs a value"));
        match a.as_str() {
            "--shapes" => o.shapes = parse_num(value("--shapes")?)? as usize,
            "--seed" => o.seed = parse_num(value("--seed")?)?,
            "--only" => o.only = Some(parse_num(value("--only")?)? as usize),
            "--long" => o.shapes = LONG_SHAPES,
            other => return Err(format!("difftest: unknown argument `{other}`")),
        }
    }
    Ok(o)
}

fn parse_num(s: &str) -> Result<u64, String> {
    let s = s.replace('_', "");
    let r = match s.strip_prefix("0x") {
        Some(hex) => u64::from_str_radix(hex, 16),
        None => s.parse(),
    };
    r.map_err(|e| format!("`{s}`: {e}"))
}

/// `cargo xtask difftest [args]`.
pub fn run(args: &[String]) -> Result<(), String> {
    check(parse(args)?)
}

/// Generates, builds and compares; `Err` names the first disagreeing shape.
pub fn check(o: Options) -> Result<(), String> {
    let dir = scratch();
    let indices: Vec<usize> = match o.only {
        Some(k) => vec![k],
        None => (0..o.shapes).collect(),
    };
    let started = std::time::Instant::now();
    let mut types = 0usize;
    for (n, chunk) in indices.chunks(CHUNK).enumerate() {
        let shapes: Vec<Shape> = chunk.iter().map(|&k| Shape::generate(o.seed, k)).collect();
        if o.only.is_some() {
            for s in &shapes {
                eprintln!("--- Rust ---\n{}\n--- C ---\n{}", s.rust(), s.c_decls());
            }
        }
        let printed = rust_layouts(&dir, &shapes)?;
        compare_reference(&shapes, &printed, o.seed)?;
        let c = c_source(&shapes, &printed);
        clang_check(&dir.join(format!("chunk{n}.c")), &c)
            .map_err(|err| clang_failure(&err, &shapes, o.seed))?;
        types += printed.len();
        eprintln!(
            "difftest: shapes {}..={} agree ({} types, {:.0?} so far)",
            chunk.first().copied().unwrap_or(0),
            chunk.last().copied().unwrap_or(0),
            types,
            started.elapsed()
        );
    }
    eprintln!(
        "difftest: {} shapes ({types} types) of seed {:#x}: Rust, the reference rules and clang agree on every size, alignment and offset",
        indices.len(),
        o.seed
    );
    Ok(())
}

// ---------------------------------------------------------------------------
// The generator.

/// A splitmix64 stream: small, seedable, the same on every host.
struct Rng(u64);

impl Rng {
    fn new(seed: u64, index: usize) -> Self {
        let mut r = Rng(seed ^ (index as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
        r.next();
        r
    }
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn percent(&mut self, p: usize) -> bool {
        self.below(100) < p
    }
}

/// A scalar field type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sc {
    U8,
    U16,
    U32,
    U64,
    I8,
    I16,
    I32,
    I64,
    F32,
    F64,
    Bool,
}

const SCALARS: [Sc; 11] =
    [Sc::U8, Sc::U16, Sc::U32, Sc::U64, Sc::I8, Sc::I16, Sc::I32, Sc::I64, Sc::F32, Sc::F64, Sc::Bool];
const ENUM_REPRS: [Sc; 6] = [Sc::U8, Sc::U16, Sc::U32, Sc::I8, Sc::I16, Sc::I32];

impl Sc {
    fn rust(self) -> &'static str {
        match self {
            Sc::U8 => "u8",
            Sc::U16 => "u16",
            Sc::U32 => "u32",
            Sc::U64 => "u64",
            Sc::I8 => "i8",
            Sc::I16 => "i16",
            Sc::I32 => "i32",
            Sc::I64 => "i64",
            Sc::F32 => "f32",
            Sc::F64 => "f64",
            Sc::Bool => "bool",
        }
    }
    fn c(self) -> &'static str {
        match self {
            Sc::U8 => "uint8_t",
            Sc::U16 => "uint16_t",
            Sc::U32 => "uint32_t",
            Sc::U64 => "uint64_t",
            Sc::I8 => "int8_t",
            Sc::I16 => "int16_t",
            Sc::I32 => "int32_t",
            Sc::I64 => "int64_t",
            Sc::F32 => "float",
            Sc::F64 => "double",
            Sc::Bool => "bool",
        }
    }
    fn size(self) -> usize {
        match self {
            Sc::U8 | Sc::I8 | Sc::Bool => 1,
            Sc::U16 | Sc::I16 => 2,
            Sc::U32 | Sc::I32 | Sc::F32 => 4,
            Sc::U64 | Sc::I64 | Sc::F64 => 8,
        }
    }
    /// The discriminant range of an enum with this repr.
    fn range(self) -> (i64, i64) {
        match self {
            Sc::U8 => (0, u8::MAX.into()),
            Sc::U16 => (0, u16::MAX.into()),
            Sc::U32 => (0, u32::MAX.into()),
            Sc::I8 => (i8::MIN.into(), i8::MAX.into()),
            Sc::I16 => (i16::MIN.into(), i16::MAX.into()),
            _ => (i32::MIN.into(), i32::MAX.into()),
        }
    }
}

/// What a `WasmPtr` points to.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Target {
    Scalar(Sc),
    /// A struct or enum of the same shape (possibly the struct being defined).
    Named {
        name: String,
        is_enum: bool,
    },
}

/// A field type.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Ty {
    Scalar(Sc),
    Ptr(Target),
    Array(Box<Ty>, usize),
    /// Index into [`Shape::structs`].
    Struct(usize),
    /// Index into [`Shape::enums`].
    Enum(usize),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Repr {
    Natural,
    Packed,
    Aligned(usize),
}

#[derive(Debug, Clone)]
struct StructDef {
    name: String,
    fields: Vec<Ty>,
    repr: Repr,
}

#[derive(Debug, Clone)]
struct EnumDef {
    name: String,
    repr: Sc,
    values: Vec<i64>,
}

/// One generated shape: a top-level struct and every type it uses,
/// dependencies first (the top-level struct is the last).
#[derive(Debug, Clone)]
struct Shape {
    index: usize,
    structs: Vec<StructDef>,
    enums: Vec<EnumDef>,
}

struct Gen {
    rng: Rng,
    shape: Shape,
    names: usize,
}

impl Shape {
    fn generate(seed: u64, index: usize) -> Shape {
        let mut g = Gen {
            rng: Rng::new(seed, index),
            shape: Shape { index, structs: vec![], enums: vec![] },
            names: 0,
        };
        g.structure(1);
        g.shape
    }
}

impl Gen {
    fn name(&mut self, prefix: char) -> String {
        self.names += 1;
        format!("{prefix}{}_{}", self.shape.index, self.names)
    }

    /// A struct at nesting `depth` (1 is the top); returns its index.
    fn structure(&mut self, depth: usize) -> usize {
        let name = self.name('S');
        let n = match self.rng.below(20) {
            0 => 0,
            1..=14 => 1 + self.rng.below(5),
            _ => 1 + self.rng.below(10),
        };
        let fields = (0..n).map(|_| self.field(depth, &name)).collect();
        let repr = match self.rng.below(10) {
            0 | 1 => Repr::Packed,
            2 | 3 => Repr::Aligned(1 << self.rng.below(8)),
            _ => Repr::Natural,
        };
        self.shape.structs.push(StructDef { name, fields, repr });
        self.shape.structs.len() - 1
    }

    fn field(&mut self, depth: usize, own: &str) -> Ty {
        match self.rng.below(100) {
            0..=44 => Ty::Scalar(SCALARS[self.rng.below(SCALARS.len())]),
            45..=54 => Ty::Ptr(self.target(own)),
            55..=69 => self.array(depth, 1),
            70..=84 if depth < 4 => Ty::Struct(self.structure(depth + 1)),
            70..=84 => Ty::Scalar(SCALARS[self.rng.below(SCALARS.len())]),
            _ => Ty::Enum(self.enumeration()),
        }
    }

    fn target(&mut self, own: &str) -> Target {
        let structs = self.shape.structs.len();
        let enums = self.shape.enums.len();
        match self.rng.below(4) {
            0 => Target::Named { name: own.to_string(), is_enum: false },
            1 if structs > 0 => Target::Named {
                name: self.shape.structs[self.rng.below(structs)].name.clone(),
                is_enum: false,
            },
            2 if enums > 0 => {
                Target::Named { name: self.shape.enums[self.rng.below(enums)].name.clone(), is_enum: true }
            }
            _ => Target::Scalar(SCALARS[self.rng.below(SCALARS.len())]),
        }
    }

    /// An array whose element may itself be an array (`level` counts them).
    fn array(&mut self, depth: usize, level: usize) -> Ty {
        let len = if self.rng.percent(5) { 0 } else { 1 + self.rng.below(5) };
        let elem = match self.rng.below(10) {
            0..=2 if level < 3 => self.array(depth, level + 1),
            3 if depth < 4 => Ty::Struct(self.structure(depth + 1)),
            4 => Ty::Enum(self.enumeration()),
            5 => Ty::Ptr(Target::Scalar(SCALARS[self.rng.below(SCALARS.len())])),
            _ => Ty::Scalar(SCALARS[self.rng.below(SCALARS.len())]),
        };
        Ty::Array(Box::new(elem), len)
    }

    fn enumeration(&mut self) -> usize {
        let name = self.name('E');
        let repr = ENUM_REPRS[self.rng.below(ENUM_REPRS.len())];
        let (lo, hi) = repr.range();
        let span = (hi - lo) as u64 + 1;
        let mut values = Vec::new();
        for _ in 0..1 + self.rng.below(4) {
            let v = lo + (self.rng.next() % span) as i64;
            if !values.contains(&v) {
                values.push(v);
            }
        }
        self.shape.enums.push(EnumDef { name, repr, values });
        self.shape.enums.len() - 1
    }
}

// ---------------------------------------------------------------------------
// The reference: the wasm32 C layout rules, restated here on purpose rather
// than taken from layout-core, so that a slip in either shows.

/// Size, alignment and field offsets of a type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Numbers {
    /// `sizeof`.
    pub size: usize,
    /// `_Alignof`.
    pub align: usize,
    /// `offsetof` of each field, in order (empty for enums).
    pub offsets: Vec<usize>,
}

fn round_up(v: usize, a: usize) -> usize {
    v.div_ceil(a) * a
}

/// The wasm32 C layout of every struct and enum in `shape`, by name.
fn reference(shape: &Shape) -> BTreeMap<String, Numbers> {
    let mut out = BTreeMap::new();
    let mut structs: Vec<(usize, usize)> = Vec::new();
    let size_align = |ty: &Ty, structs: &[(usize, usize)]| -> (usize, usize) {
        fn go(ty: &Ty, structs: &[(usize, usize)], enums: &[EnumDef]) -> (usize, usize) {
            match ty {
                Ty::Scalar(s) => (s.size(), s.size()),
                Ty::Ptr(_) => (4, 4),
                Ty::Array(elem, n) => {
                    let (s, a) = go(elem, structs, enums);
                    (s * n, a)
                }
                Ty::Struct(i) => structs[*i],
                Ty::Enum(i) => (enums[*i].repr.size(), enums[*i].repr.size()),
            }
        }
        go(ty, structs, &shape.enums)
    };
    for def in &shape.structs {
        let (mut offset, mut align, mut offsets) = (0, 1, Vec::new());
        for ty in &def.fields {
            let (s, a) = size_align(ty, &structs);
            let a = if def.repr == Repr::Packed { 1 } else { a };
            offset = round_up(offset, a);
            offsets.push(offset);
            offset += s;
            align = align.max(a);
        }
        if let Repr::Aligned(n) = def.repr {
            align = align.max(n);
        }
        let size = round_up(offset, align);
        structs.push((size, align));
        out.insert(def.name.clone(), Numbers { size, align, offsets });
    }
    for e in &shape.enums {
        out.insert(e.name.clone(), Numbers { size: e.repr.size(), align: e.repr.size(), offsets: vec![] });
    }
    out
}

// ---------------------------------------------------------------------------
// Rust source.

impl Shape {
    fn rust_ty(&self, ty: &Ty) -> String {
        match ty {
            Ty::Scalar(s) => s.rust().to_string(),
            Ty::Ptr(Target::Scalar(s)) => format!("WasmPtr<{}>", s.rust()),
            Ty::Ptr(Target::Named { name, .. }) => format!("WasmPtr<{name}>"),
            Ty::Array(elem, n) => format!("[{}; {n}]", self.rust_ty(elem)),
            Ty::Struct(i) => self.structs[*i].name.clone(),
            Ty::Enum(i) => self.enums[*i].name.clone(),
        }
    }

    /// The shape's types as Rust items.
    fn rust(&self) -> String {
        let mut s = String::new();
        for e in &self.enums {
            let _ = writeln!(
                s,
                "#[derive(WasmLayout, Clone, Copy, Debug, PartialEq)]\n#[repr({})]",
                e.repr.rust()
            );
            let _ = write!(s, "pub enum {} {{", e.name);
            for (j, v) in e.values.iter().enumerate() {
                let _ = write!(s, " V{j} = {v},");
            }
            s.push_str(" }\n");
        }
        for d in &self.structs {
            s.push_str("#[derive(WasmLayout, Clone, Copy)]\n");
            match d.repr {
                Repr::Natural => {}
                Repr::Packed => s.push_str("#[layout(packed)]\n"),
                Repr::Aligned(n) => {
                    let _ = writeln!(s, "#[layout(align = {n})]");
                }
            }
            let _ = write!(s, "pub struct {} {{", d.name);
            for (j, ty) in d.fields.iter().enumerate() {
                let _ = write!(s, " pub f{j}: {},", self.rust_ty(ty));
            }
            s.push_str(" }\n");
        }
        s
    }

    /// One row of the printed table per type: descriptor, SIZE, ALIGN, offsets.
    fn rust_rows(&self) -> String {
        let mut s = String::new();
        for e in &self.enums {
            let _ = writeln!(s, "    ({0}::LAYOUT, {0}::SIZE, {0}::ALIGN, &[]),", e.name);
        }
        for d in &self.structs {
            let offs: Vec<String> = (0..d.fields.len()).map(|j| format!("{}::OFFSET_F{j}", d.name)).collect();
            let _ = writeln!(s, "    ({0}::LAYOUT, {0}::SIZE, {0}::ALIGN, &[{1}]),", d.name, offs.join(", "));
        }
        s
    }
}

const RUST_MAIN: &str = r#"
fn main() {
    use std::io::Write;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for (layout, size, align, offsets) in TABLE {
        let described: Vec<usize> = layout.fields().iter().map(|f| f.offset).collect();
        if described != *offsets || layout.size != *size || layout.align != *align {
            writeln!(out, "DESCRIPTOR {} size {} align {} offsets {:?}", layout.name, layout.size, layout.align, described).unwrap();
        }
        write!(out, "{} {} {}", layout.name, size, align).unwrap();
        for o in *offsets {
            write!(out, " {o}").unwrap();
        }
        writeln!(out).unwrap();
    }
}
"#;

/// Builds and runs the scratch crate for `shapes`; returns what it printed.
fn rust_layouts(dir: &Path, shapes: &[Shape]) -> Result<BTreeMap<String, Numbers>, String> {
    let krate = dir.join("crate");
    std::fs::create_dir_all(krate.join("src")).map_err(|e| e.to_string())?;
    let manifest = format!(
        "[package]\nname = \"difftest-shapes\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n\
         [dependencies]\nwasm-layout = {{ path = {:?} }}\n\n[workspace]\n",
        root().display().to_string()
    );
    write_if_changed(&krate.join("Cargo.toml"), &manifest)?;
    if !krate.join("Cargo.lock").exists() {
        let _ = std::fs::copy(root().join("Cargo.lock"), krate.join("Cargo.lock"));
    }
    let mut src = String::from(
        "// Generated by `cargo xtask difftest`.\n#![allow(dead_code, non_camel_case_types, clippy::all)]\n\
         use wasm_layout::{TypeLayout, WasmLayout, WasmPtr};\n\n",
    );
    for s in shapes {
        src.push_str(&s.rust());
    }
    src.push_str("\nstatic TABLE: &[(&TypeLayout, usize, usize, &[usize])] = &[\n");
    for s in shapes {
        src.push_str(&s.rust_rows());
    }
    src.push_str("];\n");
    src.push_str(RUST_MAIN);
    write_if_changed(&krate.join("src/main.rs"), &src)?;

    let out = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args(["run", "--quiet", "--manifest-path"])
        .arg(krate.join("Cargo.toml"))
        .env("CARGO_TARGET_DIR", dir.join("target"))
        .env_remove("RUSTFLAGS")
        .output()
        .map_err(|e| format!("cargo run (difftest crate): {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "the generated Rust did not build or run ({}):\n{}",
            krate.join("src/main.rs").display(),
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    parse_table(&String::from_utf8_lossy(&out.stdout))
}

fn write_if_changed(path: &Path, text: &str) -> Result<(), String> {
    if std::fs::read_to_string(path).is_ok_and(|old| old == text) {
        return Ok(());
    }
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

/// Parses `name size align offsets…` lines; a `DESCRIPTOR` line is an error.
fn parse_table(text: &str) -> Result<BTreeMap<String, Numbers>, String> {
    let mut out = BTreeMap::new();
    for line in text.lines() {
        if line.starts_with("DESCRIPTOR") {
            return Err(format!("the derived LAYOUT descriptor disagrees with SIZE/ALIGN/OFFSET_*: {line}"));
        }
        let mut words = line.split_whitespace();
        let name = words.next().ok_or("empty line from the difftest crate")?.to_string();
        let nums: Vec<usize> =
            words.map(str::parse).collect::<Result<_, _>>().map_err(|e| format!("{line}: {e}"))?;
        let [size, align, offsets @ ..] = &nums[..] else {
            return Err(format!("short line from the difftest crate: {line}"));
        };
        out.insert(name, Numbers { size: *size, align: *align, offsets: offsets.to_vec() });
    }
    Ok(out)
}

/// Every type of every shape: Rust's numbers against the reference's.
fn compare_reference(shapes: &[Shape], rust: &BTreeMap<String, Numbers>, seed: u64) -> Result<(), String> {
    for shape in shapes {
        for (name, want) in reference(shape) {
            match rust.get(&name) {
                Some(got) if *got == want => {}
                got => {
                    return Err(failure(
                        shape,
                        seed,
                        &format!("{name}: the derive says {got:?}, the reference C rules say {want:?}"),
                    ))
                }
            }
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// C source.

impl Shape {
    /// `(base type, array dimensions)` of a field type.
    fn c_parts(&self, ty: &Ty) -> (String, String) {
        match ty {
            Ty::Scalar(s) => (s.c().to_string(), String::new()),
            Ty::Ptr(Target::Scalar(s)) => (format!("{} *", s.c()), String::new()),
            Ty::Ptr(Target::Named { name, is_enum: false }) => (format!("struct {name} *"), String::new()),
            Ty::Ptr(Target::Named { name, is_enum: true }) => (format!("{name} *"), String::new()),
            Ty::Array(elem, n) => {
                let (base, dims) = self.c_parts(elem);
                (base, format!("[{n}]{dims}"))
            }
            Ty::Struct(i) => (format!("struct {}", self.structs[*i].name), String::new()),
            Ty::Enum(i) => (self.enums[*i].name.clone(), String::new()),
        }
    }

    /// The shape's types as C declarations.
    fn c_decls(&self) -> String {
        let mut s = String::new();
        for e in &self.enums {
            let _ = writeln!(s, "typedef {} {};", e.repr.c(), e.name);
        }
        for d in &self.structs {
            let attr = match d.repr {
                Repr::Natural => String::new(),
                Repr::Packed => "__attribute__((packed)) ".into(),
                Repr::Aligned(n) => format!("__attribute__((aligned({n}))) "),
            };
            let _ = write!(s, "struct {attr}{} {{", d.name);
            for (j, ty) in d.fields.iter().enumerate() {
                let (base, dims) = self.c_parts(ty);
                let sep = if base.ends_with('*') { "" } else { " " };
                let _ = write!(s, " {base}{sep}f{j}{dims};");
            }
            s.push_str(" };\n");
        }
        s
    }
}

/// `_Static_assert`s of `numbers` for every type of `shape`.
fn c_asserts(shape: &Shape, numbers: &BTreeMap<String, Numbers>) -> String {
    let mut s = String::new();
    let mut one = |c_name: &str, name: &str| {
        let Some(n) = numbers.get(name) else { return };
        let _ = writeln!(s, "_Static_assert(sizeof({c_name}) == {}, \"{name} size\");", n.size);
        let _ = writeln!(s, "_Static_assert(_Alignof({c_name}) == {}, \"{name} align\");", n.align);
        for (j, o) in n.offsets.iter().enumerate() {
            let _ = writeln!(s, "_Static_assert(offsetof({c_name}, f{j}) == {o}, \"{name}.f{j} offset\");");
        }
    };
    for e in &shape.enums {
        one(&e.name, &e.name);
    }
    for d in &shape.structs {
        one(&format!("struct {}", d.name), &d.name);
    }
    s
}

const C_PRELUDE: &str =
    "/* Generated by `cargo xtask difftest`. */\n#include <stdbool.h>\n#include <stddef.h>\n#include <stdint.h>\n\n";

/// The C file for `shapes`, asserting `numbers`.
fn c_source(shapes: &[Shape], numbers: &BTreeMap<String, Numbers>) -> String {
    let mut s = String::from(C_PRELUDE);
    for shape in shapes {
        s.push_str(&shape.c_decls());
        s.push_str(&c_asserts(shape, numbers));
    }
    s
}

/// Runs clang for wasm32 on `source` (written to `path`); `Err` is its output.
fn clang_check(path: &Path, source: &str) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    }
    std::fs::write(path, source).map_err(|e| format!("{}: {e}", path.display()))?;
    let out = Command::new("clang")
        .args(["--target=wasm32", "-ffreestanding", "-nostdlib", "-std=c11", "-Wall", "-Wextra", "-Werror"])
        .args(["-fsyntax-only", "-ferror-limit=5"])
        .arg(path)
        .output()
        .map_err(|e| format!("clang: {e} (apt-get install -y --no-install-recommends clang lld)"))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).into_owned())
    }
}

/// Turns clang's complaint into an error naming the shape it is about.
fn clang_failure(err: &str, shapes: &[Shape], seed: u64) -> String {
    let first = err.lines().find(|l| l.contains("error")).unwrap_or(err);
    let shape = shapes.iter().find(|s| {
        s.structs.iter().map(|d| &d.name).chain(s.enums.iter().map(|e| &e.name)).any(|n| mentions(first, n))
    });
    match shape {
        Some(s) => failure(s, seed, &format!("clang disagrees with the derive: {first}")),
        None => format!("clang rejected the generated C:\n{err}"),
    }
}

/// Whether `line` mentions the type name `name` as a whole word.
fn mentions(line: &str, name: &str) -> bool {
    line.match_indices(name).any(|(i, _)| {
        let after = line[i + name.len()..].chars().next();
        !after.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
    })
}

fn failure(shape: &Shape, seed: u64, what: &str) -> String {
    format!(
        "difftest: shape {k} of seed {seed:#x}: {what}\n\
         reproduce with: cargo xtask difftest --seed {seed:#x} --only {k}\n\
         --- Rust ---\n{}--- C ---\n{}",
        shape.rust(),
        shape.c_decls(),
        k = shape.index,
    )
}

/// Where the difftest's scratch files live.
fn scratch() -> PathBuf {
    root().join("target/difftest")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clang() -> bool {
        let ok = crate::run::available("clang");
        if !ok && std::env::var_os("WASM_LAYOUT_REQUIRE_TOOLS").is_some() {
            panic!("`clang` is needed: apt-get install -y --no-install-recommends clang lld");
        }
        ok
    }

    #[test]
    fn shapes_depend_only_on_seed_and_index() {
        let a = Shape::generate(7, 42);
        let b = Shape::generate(7, 42);
        assert_eq!(a.rust(), b.rust());
        assert_eq!(a.c_decls(), b.c_decls());
        assert_ne!(a.rust(), Shape::generate(8, 42).rust());
    }

    #[test]
    fn the_generator_covers_every_kind() {
        let shapes: Vec<Shape> = (0..500).map(|k| Shape::generate(DEFAULT_SEED, k)).collect();
        let all: String = shapes.iter().map(Shape::rust).collect();
        for needle in ["#[layout(packed)]", "#[layout(align = ", "WasmPtr<", "; 0]", "[[", "[[["] {
            assert!(all.contains(needle), "no shape has `{needle}`");
        }
        for repr in ENUM_REPRS {
            assert!(all.contains(&format!("#[repr({})]", repr.rust())), "no enum with repr {}", repr.rust());
        }
        for s in SCALARS {
            assert!(all.contains(&format!(": {},", s.rust())), "no field of type {}", s.rust());
        }
        let deepest = shapes.iter().map(|s| s.structs.len()).max().unwrap_or(0);
        assert!(deepest >= 4);
        assert!(all.contains("_4 {"), "no struct four deep");
    }

    #[test]
    fn reference_follows_the_c_rules() {
        let shape = Shape {
            index: 0,
            enums: vec![EnumDef { name: "E".into(), repr: Sc::I16, values: vec![-1] }],
            structs: vec![
                StructDef { name: "A".into(), fields: vec![Ty::Scalar(Sc::U8)], repr: Repr::Aligned(16) },
                StructDef {
                    name: "B".into(),
                    fields: vec![Ty::Scalar(Sc::U8), Ty::Struct(0), Ty::Enum(0)],
                    repr: Repr::Natural,
                },
                StructDef {
                    name: "P".into(),
                    fields: vec![
                        Ty::Scalar(Sc::U8),
                        Ty::Scalar(Sc::U32),
                        Ty::Array(Box::new(Ty::Scalar(Sc::U16)), 3),
                    ],
                    repr: Repr::Packed,
                },
            ],
        };
        let r = reference(&shape);
        assert_eq!(r["A"], Numbers { size: 16, align: 16, offsets: vec![0] });
        assert_eq!(r["B"], Numbers { size: 48, align: 16, offsets: vec![0, 16, 32] });
        assert_eq!(r["P"], Numbers { size: 11, align: 1, offsets: vec![0, 1, 5] });
        assert_eq!(r["E"], Numbers { size: 2, align: 2, offsets: vec![] });
    }

    /// The negative control: clang and the reference comparison each catch
    /// one deliberately wrong number, and the error says how to reproduce.
    #[test]
    fn a_wrong_number_fails() {
        let shapes: Vec<Shape> = (0..20).map(|k| Shape::generate(DEFAULT_SEED, k)).collect();
        let mut numbers = BTreeMap::new();
        for s in &shapes {
            numbers.extend(reference(s));
        }
        assert_eq!(compare_reference(&shapes, &numbers, DEFAULT_SEED), Ok(()));

        let victim = shapes.iter().flat_map(|s| &s.structs).find(|d| d.fields.len() >= 2).expect("a struct");
        let mut wrong = numbers.clone();
        wrong.get_mut(&victim.name).expect("numbers for every struct").offsets[1] += 1;
        let err = compare_reference(&shapes, &wrong, DEFAULT_SEED).expect_err("a wrong offset");
        assert!(err.contains(&victim.name) && err.contains("--only"), "{err}");

        if !clang() {
            return;
        }
        let dir = scratch().join("negative-control");
        clang_check(&dir.join("right.c"), &c_source(&shapes, &numbers))
            .expect("clang accepts the right numbers");
        let err = clang_check(&dir.join("wrong.c"), &c_source(&shapes, &wrong)).expect_err("a wrong offset");
        let report = clang_failure(&err, &shapes, DEFAULT_SEED);
        assert!(report.contains(&format!("{}.f1 offset", victim.name)), "{report}");
        assert!(report.contains("reproduce with: cargo xtask difftest --seed"), "{report}");
    }
}
