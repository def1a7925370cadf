//! `#[layout(rename_all = "…")]` rules: how generated code respells field
//! names. The rules are the user's, not a language's, so every output
//! spells a field the same way.

#[cfg(feature = "alloc")]
use alloc::{string::String, vec::Vec};

/// How `#[layout(rename_all = "…")]` respells field names in generated code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RenameRule {
    /// `"lowercase"`
    Lower,
    /// `"UPPERCASE"`
    Upper,
    /// `"PascalCase"`
    Pascal,
    /// `"camelCase"`
    Camel,
    /// `"snake_case"`
    Snake,
    /// `"SCREAMING_SNAKE_CASE"`
    ScreamingSnake,
}

impl RenameRule {
    /// Every rule with the spelling `rename_all` accepts.
    pub const ALL: [(&'static str, RenameRule); 6] = [
        ("lowercase", RenameRule::Lower),
        ("UPPERCASE", RenameRule::Upper),
        ("PascalCase", RenameRule::Pascal),
        ("camelCase", RenameRule::Camel),
        ("snake_case", RenameRule::Snake),
        ("SCREAMING_SNAKE_CASE", RenameRule::ScreamingSnake),
    ];

    /// The rule `rename_all` spells this way, if any.
    pub fn from_spelling(s: &str) -> Option<RenameRule> {
        RenameRule::ALL.iter().find(|(name, _)| *name == s).map(|(_, r)| *r)
    }

    /// The variant's own name (`"Camel"`), as generated code names
    /// `RenameRule::Camel`.
    pub const fn variant_name(self) -> &'static str {
        match self {
            RenameRule::Lower => "Lower",
            RenameRule::Upper => "Upper",
            RenameRule::Pascal => "Pascal",
            RenameRule::Camel => "Camel",
            RenameRule::Snake => "Snake",
            RenameRule::ScreamingSnake => "ScreamingSnake",
        }
    }

    /// The spelling `rename_all` accepts for this rule.
    pub fn spelling(self) -> &'static str {
        RenameRule::ALL.iter().find(|(_, r)| *r == self).map_or("", |(name, _)| name)
    }
}

#[cfg(feature = "alloc")]
impl RenameRule {
    /// Respells a Rust field name by this rule, as serde does for
    /// `rename_all`: `lowercase` and `UPPERCASE` change only the case; the
    /// others split the name into words (at `_` and at lower-to-upper case
    /// changes) and join them again. Leading underscores are kept.
    ///
    /// ```
    /// use wasm_layout_rules::RenameRule;
    /// assert_eq!(RenameRule::Camel.apply("frame_count"), "frameCount");
    /// assert_eq!(RenameRule::Pascal.apply("frame_count"), "FrameCount");
    /// assert_eq!(RenameRule::ScreamingSnake.apply("frameCount"), "FRAME_COUNT");
    /// assert_eq!(RenameRule::Snake.apply("HTTPServer2"), "http_server2");
    /// assert_eq!(RenameRule::Upper.apply("a_b"), "A_B");
    /// assert_eq!(RenameRule::Camel.apply("_pad_x"), "_padX");
    /// ```
    pub fn apply(self, name: &str) -> String {
        let body = name.trim_start_matches('_');
        let mut out = String::from(&name[..name.len() - body.len()]);
        let words = words(body);
        match self {
            RenameRule::Lower => out.push_str(&body.to_ascii_lowercase()),
            RenameRule::Upper => out.push_str(&body.to_ascii_uppercase()),
            RenameRule::Snake | RenameRule::ScreamingSnake => {
                for (i, w) in words.iter().enumerate() {
                    if i > 0 {
                        out.push('_');
                    }
                    if self == RenameRule::Snake {
                        out.push_str(&w.to_ascii_lowercase());
                    } else {
                        out.push_str(&w.to_ascii_uppercase());
                    }
                }
            }
            RenameRule::Pascal | RenameRule::Camel => {
                for (i, w) in words.iter().enumerate() {
                    if i == 0 && self == RenameRule::Camel {
                        out.push_str(&w.to_ascii_lowercase());
                    } else {
                        capitalize(&mut out, w);
                    }
                }
            }
        }
        out
    }
}

#[cfg(feature = "alloc")]
fn capitalize(out: &mut String, word: &str) {
    let mut chars = word.chars();
    if let Some(c) = chars.next() {
        out.push(c.to_ascii_uppercase());
        out.push_str(&chars.as_str().to_ascii_lowercase());
    }
}

/// Splits at `_`, at a lower-case letter or digit followed by an upper-case
/// one, and before the last capital of a run followed by a lower-case letter
/// (`HTTPServer` is `HTTP`, `Server`).
#[cfg(feature = "alloc")]
fn words(name: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for part in name.split('_').filter(|p| !p.is_empty()) {
        let b = part.as_bytes();
        let mut start = 0;
        for i in 1..b.len() {
            let (prev, cur) = (b[i - 1], b[i]);
            let next_lower = b.get(i + 1).is_some_and(u8::is_ascii_lowercase);
            let boundary = cur.is_ascii_uppercase()
                && (prev.is_ascii_lowercase()
                    || prev.is_ascii_digit()
                    || (prev.is_ascii_uppercase() && next_lower));
            if boundary {
                out.push(&part[start..i]);
                start = i;
            }
        }
        out.push(&part[start..]);
    }
    out
}

#[cfg(all(test, feature = "alloc"))]
mod tests {
    use super::*;

    #[test]
    fn words_split_like_serde() {
        assert_eq!(words("frame_count"), ["frame", "count"]);
        assert_eq!(words("frameCount"), ["frame", "Count"]);
        assert_eq!(words("HTTPServer"), ["HTTP", "Server"]);
        assert_eq!(words("x2y"), ["x2y"]);
        assert_eq!(words("a__b"), ["a", "b"]);
    }

    #[test]
    fn every_rule() {
        let n = "max_hp_value";
        let got: Vec<String> = RenameRule::ALL.iter().map(|(_, r)| r.apply(n)).collect();
        assert_eq!(
            got,
            ["max_hp_value", "MAX_HP_VALUE", "MaxHpValue", "maxHpValue", "max_hp_value", "MAX_HP_VALUE"]
        );
    }
}
