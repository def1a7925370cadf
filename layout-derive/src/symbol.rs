//! The names the derive recognises in attributes.

pub const LAYOUT: &str = "layout";
pub const REPR: &str = "repr";

pub const PACKED: &str = "packed";
pub const ALIGN: &str = "align";
pub const RENAME: &str = "rename";
pub const RENAME_ALL: &str = "rename_all";
pub const CRATE: &str = "crate";

/// The integer reprs an enum may have, with the descriptor's scalar for each.
pub const ENUM_REPRS: [(&str, &str); 6] =
    [("u8", "U8"), ("u16", "U16"), ("u32", "U32"), ("i8", "I8"), ("i16", "I16"), ("i32", "I32")];

/// The spellings `rename_all` accepts, with the descriptor's rule for each.
pub const RENAME_RULES: [(&str, &str); 6] = [
    ("lowercase", "Lower"),
    ("UPPERCASE", "Upper"),
    ("PascalCase", "Pascal"),
    ("camelCase", "Camel"),
    ("snake_case", "Snake"),
    ("SCREAMING_SNAKE_CASE", "ScreamingSnake"),
];
