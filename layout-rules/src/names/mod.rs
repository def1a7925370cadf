//! Every identifier an output emits, declared before it is written.
//!
//! Each output (the derive's Rust, and the TypeScript, C and Odin bindings)
//! declares the names it is about to emit in a [`Scope`]: the members of a
//! view, the items at a file's top level. A scope refuses a name that is a
//! reserved word of its [`Lang`] where such a name cannot stand, and a name
//! that an earlier declaration took, naming both items, so two generated
//! items never share a name and no output is a file its compiler rejects.

use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

mod words;
use words::{C, ODIN, RUST, TYPESCRIPT};

pub use crate::tuple::{is_tuple_field, tuple_field};

/// An output language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    /// The derive's expansion.
    Rust,
    /// The TypeScript bindings.
    TypeScript,
    /// The C header (also compiled as C++).
    C,
    /// The Odin package.
    Odin,
}

impl Lang {
    /// The language's name, as messages print it.
    pub const fn name(self) -> &'static str {
        match self {
            Lang::Rust => "Rust",
            Lang::TypeScript => "TypeScript",
            Lang::C => "C",
            Lang::Odin => "Odin",
        }
    }

    /// The words that cannot name a declared item (type, function, constant,
    /// variable) in this language.
    pub const fn reserved(self) -> &'static [&'static str] {
        match self {
            Lang::Rust => RUST,
            Lang::TypeScript => TYPESCRIPT,
            Lang::C => C,
            Lang::Odin => ODIN,
        }
    }

    /// Whether `name` is one of [`reserved`](Lang::reserved), or, in C, an
    /// identifier the C standard reserves (`__x`, `_X`) or one of the
    /// `<stdint.h>` families (`int_least8_t`, `INT8_MAX`, `UINT64_C`, …)
    /// whose members a list would miss.
    pub fn is_reserved(self, name: &str) -> bool {
        self.reserved().contains(&name) || (self == Lang::C && c_reserved_family(name))
    }
}

/// What kind of names a scope holds, which decides which words are refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ScopeKind {
    /// Declared items (types, functions, constants): reserved words refused.
    Items,
    /// Members reached through a value (`view.x`, `p->x`): only the words
    /// the language refuses there, and clashes.
    Members,
}

/// Why a name cannot be emitted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NameError {
    /// Two items would have the same name.
    Clash {
        /// The language of the output.
        lang: Lang,
        /// The name both would have.
        name: String,
        /// The item declared first.
        first: String,
        /// The item declared second.
        second: String,
    },
    /// The name is reserved in the output's language.
    Reserved {
        /// The language of the output.
        lang: Lang,
        /// The name.
        name: String,
        /// The item that would have it.
        item: String,
    },
}

impl fmt::Display for NameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NameError::Clash { lang, name, first, second } => write!(
                f,
                "{first} and {second} would both be named `{name}` in {}; rename one with #[layout(rename = \"...\")]",
                lang.name()
            ),
            NameError::Reserved { lang, name, item } => write!(
                f,
                "{item} would be named `{name}`, a reserved word in {}; rename it with #[layout(rename = \"...\")]",
                lang.name()
            ),
        }
    }
}

/// The names declared so far in one scope of one output.
#[derive(Debug, Clone)]
pub struct Scope {
    lang: Lang,
    kind: ScopeKind,
    taken: Vec<(String, String)>,
}

impl Scope {
    /// An empty scope.
    pub fn new(lang: Lang, kind: ScopeKind) -> Self {
        Scope { lang, kind, taken: Vec::new() }
    }

    /// A scope that already holds the names the output itself uses there
    /// (a view's `ptr`, a runtime helper), each described by `item`.
    pub fn with_fixed(lang: Lang, kind: ScopeKind, fixed: &[&str], item: &str) -> Self {
        let mut scope = Scope::new(lang, kind);
        for name in fixed {
            scope.taken.push((String::from(*name), String::from(item)));
        }
        scope
    }

    /// Declares `name` for `item` (a description such as "field `x` of
    /// `Point`"), or says why it cannot be emitted.
    ///
    /// ```
    /// use wasm_layout_rules::names::{Lang, Scope, ScopeKind};
    /// let mut s = Scope::new(Lang::Rust, ScopeKind::Members);
    /// s.declare("set_x", "the setter of field `x`").unwrap();
    /// let err = s.declare("set_x", "the getter of field `set_x`").unwrap_err();
    /// assert!(err.to_string().contains("the setter of field `x` and the getter of field `set_x`"));
    /// let mut items = Scope::new(Lang::C, ScopeKind::Items);
    /// assert!(items.declare("int", "struct `int`").is_err());
    /// ```
    pub fn declare(&mut self, name: &str, item: &str) -> Result<(), NameError> {
        if let Some((_, first)) = self.taken.iter().find(|(n, _)| n == name) {
            return Err(NameError::Clash {
                lang: self.lang,
                name: String::from(name),
                first: first.clone(),
                second: String::from(item),
            });
        }
        let refused = match self.kind {
            ScopeKind::Items => self.lang.is_reserved(name),
            ScopeKind::Members => member_refused(self.lang, name),
        };
        if refused {
            return Err(NameError::Reserved {
                lang: self.lang,
                name: String::from(name),
                item: String::from(item),
            });
        }
        self.taken.push((String::from(name), String::from(item)));
        Ok(())
    }

    /// Takes `name` for something the output itself emits (a view's own
    /// `ptr`, a private helper, a header's include guard), without the
    /// reserved-word check: later declarations of `name` clash with `item`.
    pub fn reserve(&mut self, name: &str, item: &str) {
        self.taken.push((String::from(name), String::from(item)));
    }

    /// The item `name` was declared for, if it was.
    pub fn item(&self, name: &str) -> Option<&str> {
        self.taken.iter().find(|(n, _)| n == name).map(|(_, item)| item.as_str())
    }

    /// Whether `name` is declared.
    pub fn contains(&self, name: &str) -> bool {
        self.taken.iter().any(|(n, _)| n == name)
    }
}

/// Member names a language refuses even behind a `.`: a class may not
/// have an accessor named `constructor`, an object literal's `__proto__`
/// sets its prototype, `prototype` means the class's own; in C and C++ a
/// keyword or a macro cannot name a struct member, and Odin's keywords
/// cannot name a field or an enum value.
fn member_refused(lang: Lang, name: &str) -> bool {
    match lang {
        Lang::TypeScript => matches!(name, "constructor" | "prototype" | "__proto__"),
        Lang::C | Lang::Odin => lang.is_reserved(name),
        Lang::Rust => false,
    }
}

/// The identifiers C reserves by pattern: any starting with `__` or with `_`
/// and an upper-case letter, the `<stdint.h>` type families
/// (`int_least8_t`, `uint_fast32_t`, …) and macro families (`INT8_MAX`,
/// `UINT_LEAST16_MIN`, `INT64_C`, `SIZE_MAX`, …).
fn c_reserved_family(name: &str) -> bool {
    let b = name.as_bytes();
    let underscore = matches!(b, [b'_', b'_', ..] | [b'_', b'A'..=b'Z', ..]);
    let int_type = (name.starts_with("int") || name.starts_with("uint")) && name.ends_with("_t");
    let limit_prefix = ["INT", "UINT", "SIZE_", "PTRDIFF_", "WCHAR_", "WINT_", "SIG_ATOMIC_"];
    let limit = limit_prefix.iter().any(|p| name.starts_with(p))
        && (name.ends_with("_MIN") || name.ends_with("_MAX") || name.ends_with("_C"));
    underscore || int_type || limit
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn clashes_name_both_items() {
        let mut s = Scope::with_fixed(Lang::TypeScript, ScopeKind::Members, &["ptr"], "the view's own `ptr`");
        let err = s.declare("ptr", "field `ptr` of `Node`").unwrap_err();
        assert_eq!(
            err,
            NameError::Clash {
                lang: Lang::TypeScript,
                name: "ptr".into(),
                first: "the view's own `ptr`".into(),
                second: "field `ptr` of `Node`".into(),
            }
        );
        assert!(s.declare("constructor", "field `constructor`").is_err());
        assert!(s.declare("class", "field `class`").is_ok(), "keywords are fine as TS members");
    }

    #[test]
    fn c_refuses_reserved_families_and_cxx_keywords() {
        for word in
            ["__x", "_Upper", "INT8_MAX", "UINT_LEAST16_MAX", "INT64_C", "SIZE_MAX", "int_fast8_t", "class"]
        {
            assert!(Lang::C.is_reserved(word), "{word}");
        }
        for word in ["_lower", "x_", "int8", "INTERVAL", "uint", "module"] {
            assert!(!Lang::C.is_reserved(word), "{word}");
        }
        assert!(!Lang::Odin.is_reserved("__x"), "the families are C's");
    }

    #[test]
    fn reserved_names_are_taken_without_the_check() {
        let mut s = Scope::new(Lang::C, ScopeKind::Items);
        s.reserve("WASM_LAYOUT_ASSERT", "the header's macro");
        assert_eq!(s.item("WASM_LAYOUT_ASSERT"), Some("the header's macro"));
        let err = s.declare("WASM_LAYOUT_ASSERT", "struct `WASM_LAYOUT_ASSERT`").unwrap_err();
        assert!(alloc::format!("{err}").contains("the header's macro and struct"), "{err}");
    }

    #[test]
    fn case_matters() {
        let mut s = Scope::new(Lang::C, ScopeKind::Items);
        s.declare("Point", "struct `Point`").unwrap();
        s.declare("point", "struct `point`").unwrap();
        assert!(s.declare("Point", "enum `Point`").is_err());
    }
}
