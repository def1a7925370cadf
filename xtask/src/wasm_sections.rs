//! Custom sections of a wasm module: appending one, listing them.

pub fn leb128(mut n: usize, out: &mut Vec<u8>) {
    loop {
        let byte = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

pub fn append_custom_section(wasm: &mut Vec<u8>, name: &str, data: &[u8]) {
    let mut payload = Vec::new();
    leb128(name.len(), &mut payload);
    payload.extend_from_slice(name.as_bytes());
    payload.extend_from_slice(data);
    wasm.push(0);
    leb128(payload.len(), wasm);
    wasm.extend_from_slice(&payload);
}

/// The custom sections of a module: (name, data).
pub fn custom_sections(wasm: &[u8]) -> Result<Vec<(String, Vec<u8>)>, String> {
    fn read_leb(bytes: &[u8], at: &mut usize) -> Result<usize, String> {
        let mut n = 0usize;
        for shift in (0..35).step_by(7) {
            let b = *bytes.get(*at).ok_or("truncated module")?;
            *at += 1;
            n |= usize::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(n);
            }
        }
        Err("bad LEB128 number".into())
    }
    if wasm.get(..4) != Some(b"\0asm") {
        return Err("not a wasm module".into());
    }
    let mut at = 8;
    let mut out = Vec::new();
    while at < wasm.len() {
        let id = wasm[at];
        at += 1;
        let size = read_leb(wasm, &mut at)?;
        let section = wasm.get(at..at + size).ok_or("truncated section")?;
        at += size;
        if id == 0 {
            let mut p = 0;
            let len = read_leb(section, &mut p)?;
            let name = section.get(p..p + len).ok_or("truncated section name")?;
            out.push((String::from_utf8_lossy(name).into_owned(), section[p + len..].to_vec()));
        }
    }
    Ok(out)
}

/// The printable runs of a producers section, for the note.
pub fn printable(data: Option<&[u8]>) -> String {
    let Some(data) = data else { return "unknown".into() };
    let text: String =
        data.iter().map(|&b| if b.is_ascii_graphic() || b == b' ' { b as char } else { ' ' }).collect();
    text.split_whitespace().filter(|w| *w != "processed-by").collect::<Vec<_>>().join(" ")
}
