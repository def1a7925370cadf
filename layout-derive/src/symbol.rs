//! The names the derive recognises in attributes. Scalar names, enum reprs
//! and `rename_all` spellings come from `wasm_layout_rules` (`Scalar`,
//! `RenameRule`).

pub const LAYOUT: &str = "layout";
pub const REPR: &str = "repr";

pub const PACKED: &str = "packed";
pub const ALIGN: &str = "align";
pub const RENAME: &str = "rename";
pub const RENAME_ALL: &str = "rename_all";
pub const RENAME_INSTANCES: &str = "rename_instances";
pub const CRATE: &str = "crate";
