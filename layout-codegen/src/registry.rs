//! Every identifier an emitter writes, declared before any text is written.
//!
//! One pass per language walks the named types and declares, scope by scope,
//! each name the emitter is about to spell: file-scope items, an interface's
//! or struct's members, a view class's accessors next to its own `ptr` and
//! private helpers, an enum's values. A [`Scope`] refuses a reserved word and
//! a second item under one name, naming both, so an emitter that runs after
//! this pass can write text without checking anything.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use wasm_layout_core::descriptor::{StructLayout, TypeKind, TypeLayout, VariantEnumLayout};
use wasm_layout_rules::names::{Lang, Scope, ScopeKind};

use crate::names::{case_field_name, case_name, member_name, variant_name};
use crate::{c, typescript, BindingsError};

/// Declares every name the `lang` emitter writes for `types`.
pub(crate) fn check(
    types: &[&'static TypeLayout],
    pairs: &crate::walk::Pairs,
    lang: Lang,
    odin_package: &str,
) -> Result<(), BindingsError> {
    let mut file = Scope::new(lang, ScopeKind::Items);
    match lang {
        Lang::TypeScript => typescript::reserve(&mut file),
        Lang::C => c::reserve(&mut file),
        Lang::Odin => file.reserve(odin_package, "the package name"),
        Lang::Rust => {}
    }
    // File-scope items first: C's members must also avoid every macro.
    for ty in types {
        for (name, item) in items(lang, ty) {
            file.declare(&name, &item)?;
        }
    }
    if lang == Lang::C {
        for (name, item) in c::pair_items(pairs) {
            file.declare(&name, &item)?;
        }
    }
    for ty in types {
        match ty.kind {
            TypeKind::Struct(s) => structure(lang, &file, ty, &s)?,
            TypeKind::Union(u) => structure(lang, &file, ty, &crate::union::as_struct(&u))?,
            TypeKind::Variant(v) => variant(lang, &file, ty, &v)?,
            TypeKind::Enum(e) => {
                let name = ty.export_name();
                let mut values = Scope::new(lang, ScopeKind::Members);
                for v in e.variants {
                    // C spells a variant as a file-scope macro, declared above.
                    if lang != Lang::C {
                        values.declare(variant_name(v), &format!("variant `{}` of `{name}`", v.name))?;
                    }
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// The file-scope names one type brings, each with a description.
fn items(lang: Lang, ty: &TypeLayout) -> Vec<(String, String)> {
    let name = ty.export_name();
    let what = match ty.kind {
        TypeKind::Enum(_) | TypeKind::Variant(_) => "enum",
        TypeKind::Union(_) => "union",
        _ => "struct",
    };
    let mut out = alloc::vec![(String::from(name), format!("{what} `{}`", ty.name))];
    let suffixed = |suffix: &str, item: &str| {
        (format!("{name}{suffix}"), format!("the {item} `{name}{suffix}` of {what} `{}`", ty.name))
    };
    match (lang, ty.kind) {
        (Lang::TypeScript, kind) => {
            out.push(suffixed("Layout", "layout constant"));
            out.push(suffixed("Fingerprint", "fingerprint constant"));
            // A union has no whole value, so no functions.
            let prefixes = match kind {
                TypeKind::Union(_) => &[],
                _ => typescript::prefixes(matches!(kind, TypeKind::Struct(_) | TypeKind::Variant(_))),
            };
            for prefix in prefixes {
                out.push((
                    format!("{prefix}{name}"),
                    format!("the function `{prefix}{name}` of {what} `{}`", ty.name),
                ));
            }
            if matches!(kind, TypeKind::Struct(_) | TypeKind::Variant(_) | TypeKind::Union(_)) {
                out.push(suffixed("View", "view class"));
                out.push(suffixed("Array", "struct array class"));
            }
            if let TypeKind::Variant(v) = kind {
                for c in v.cases {
                    if let Some(class) = typescript::case_view_class(name, c) {
                        let item = format!("the view class `{class}` of case `{}` of `{}`", c.name, ty.name);
                        out.push((class, item));
                    }
                }
            }
        }
        (Lang::C, kind) => {
            out.push(suffixed("_FINGERPRINT", "fingerprint macro"));
            if let TypeKind::Variant(v) = kind {
                out.extend(crate::c_variant::items(name, &v));
            }
            if let TypeKind::Enum(e) = kind {
                for v in e.variants {
                    out.push((
                        c::constant(name, variant_name(v)),
                        format!("the macro for variant `{}` of `{}`", v.name, ty.name),
                    ));
                }
            }
        }
        (Lang::Odin, kind) => {
            out.push(suffixed("_FINGERPRINT", "fingerprint constant"));
            if let TypeKind::Variant(v) = kind {
                out.extend(crate::odin_variant::items(name, &v));
            }
        }
        (Lang::Rust, _) => {}
    }
    out
}

/// A struct's members: its fields, and in TypeScript also its view class.
fn structure(lang: Lang, file: &Scope, ty: &TypeLayout, s: &StructLayout) -> Result<(), BindingsError> {
    let name = ty.export_name();
    // A newtype is an alias in C and Odin: it has no members.
    if s.newtype().is_some() && matches!(lang, Lang::C | Lang::Odin) {
        return Ok(());
    }
    let mut members = Scope::new(lang, ScopeKind::Members);
    let mut view = Scope::new(lang, ScopeKind::Members);
    if lang == Lang::TypeScript {
        let own = format!("the own members of the view class `{name}View`");
        for member in typescript::VIEW_MEMBERS {
            view.reserve(member, &own);
        }
    }
    for f in s.fields {
        // TypeScript's key (`0` of a tuple struct), C's and Odin's member.
        let field = member_name(lang, s, f);
        let item = format!("field `{}` of `{}`", f.name, ty.name);
        if matches!(lang, Lang::C | Lang::Odin) {
            // In C a macro rewrites a member of that name, and C++ refuses a
            // member named like its class or a type it uses; in Odin a field
            // shadows a type of that name for the fields after it.
            if let Some(other) = file.item(&field) {
                return Err(wasm_layout_rules::names::NameError::Clash {
                    lang,
                    name: field,
                    first: String::from(other),
                    second: item,
                }
                .into());
            }
        }
        members.declare(&field, &item)?;
        if lang == Lang::TypeScript {
            view.declare(&field, &format!("the accessor for field `{}` of `{}`", f.name, ty.name))?;
        }
    }
    if lang == Lang::TypeScript {
        for (method, f) in typescript::view_methods(s) {
            view.declare(
                &method,
                &format!("the view method for pointer field `{}` of `{}`", f.name, ty.name),
            )?;
        }
    }
    Ok(())
}

/// An enum with fields: its cases, and each case's fields (in TypeScript
/// the keys of the case's object, beside `tag`; in C and Odin the members
/// of the case's struct, which must not name a file-scope item).
fn variant(lang: Lang, file: &Scope, ty: &TypeLayout, v: &VariantEnumLayout) -> Result<(), BindingsError> {
    let name = ty.export_name();
    let mut cases = Scope::new(lang, ScopeKind::Members);
    // In TypeScript a case with fields is also a getter of the view class.
    let mut view = Scope::new(lang, ScopeKind::Members);
    if lang == Lang::TypeScript {
        let own = format!("the own members of the view class `{name}View`");
        for member in typescript::VARIANT_VIEW_MEMBERS {
            view.reserve(member, &own);
        }
    }
    for c in v.cases {
        cases.declare(case_name(c), &format!("case `{}` of `{name}`", c.name))?;
        let mut members = Scope::new(lang, ScopeKind::Members);
        if lang == Lang::TypeScript {
            members.reserve("tag", &format!("the tag of case `{}` of `{name}`", c.name));
            if let Some(class) = typescript::case_view_class(name, c) {
                view.declare(case_name(c), &format!("the view getter for case `{}` of `{name}`", c.name))?;
                let own = format!("the own members of the view class `{class}`");
                for member in typescript::CASE_VIEW_MEMBERS {
                    members.reserve(member, &own);
                }
            }
        }
        for f in c.fields {
            let field = case_field_name(lang, f);
            let item = format!("field `{}` of case `{}` of `{}`", f.name, c.name, ty.name);
            if matches!(lang, Lang::C | Lang::Odin) {
                if let Some(other) = file.item(&field) {
                    return Err(wasm_layout_rules::names::NameError::Clash {
                        lang,
                        name: field,
                        first: String::from(other),
                        second: item,
                    }
                    .into());
                }
            }
            members.declare(&field, &item)?;
        }
    }
    Ok(())
}
