//! CoNLL-U reading (for training and evaluation) and writing (for `kg parse`).
//!
//! Only what the tagger and parser learn from is kept: form, lemma, UPOS, head and
//! relation of each syntactic word. Multiword-token lines ("1-2 don't") and empty
//! nodes ("8.1") are skipped, as the CoNLL 2018 scorer does for words.

/// One syntactic word of a treebank sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldWord {
    pub form: String,
    pub lemma: String,
    pub upos: String,
    pub xpos: String,
    /// 0 for the root, else the 1-based index of the head word.
    pub head: usize,
    pub deprel: String,
}

/// One treebank sentence.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GoldSentence {
    pub text: String,
    pub words: Vec<GoldWord>,
}

/// Reads every sentence of a CoNLL-U text; a malformed line is an error naming it.
pub fn read(text: &str) -> Result<Vec<GoldSentence>, String> {
    let mut out = Vec::new();
    let mut cur = GoldSentence::default();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.is_empty() {
            if !cur.words.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if let Some(t) = line.strip_prefix("# text = ") {
            cur.text = t.to_string();
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(format!("line {}: expected 10 tab-separated columns, found {}", n + 1, cols.len()));
        }
        if cols[0].contains('-') || cols[0].contains('.') {
            continue;
        }
        let id: usize = cols[0].parse().map_err(|_| format!("line {}: invalid word id '{}'", n + 1, cols[0]))?;
        let head: usize = cols[6].parse().map_err(|_| format!("line {}: invalid head '{}'", n + 1, cols[6]))?;
        if id != cur.words.len() + 1 {
            return Err(format!("line {}: word id {id} out of order", n + 1));
        }
        cur.words.push(GoldWord {
            form: cols[1].to_string(),
            lemma: cols[2].to_string(),
            upos: cols[3].to_string(),
            xpos: cols[4].to_string(),
            head,
            deprel: cols[7].to_string(),
        });
    }
    if !cur.words.is_empty() {
        out.push(cur);
    }
    for (i, s) in out.iter().enumerate() {
        if s.words.iter().any(|w| w.head > s.words.len()) {
            return Err(format!("sentence {}: a head points past the sentence", i + 1));
        }
    }
    Ok(out)
}

/// Writes one parsed sentence of `text` as CoNLL-U: a `# text` line, then one line a
/// word with its byte span in MISC (`TokenRange=start:end`, as UDPipe writes it).
pub fn write_sentence(out: &mut String, sent_id: usize, text: &str, parse: &super::Parse, model: &super::Model) {
    use std::fmt::Write;
    let (Some(first), Some(last)) = (parse.words.first(), parse.words.last()) else { return };
    let _ = writeln!(out, "# sent_id = {sent_id}");
    let _ = writeln!(out, "# text = {}", text[first.start..last.end].replace('\n', " "));
    for (i, w) in parse.words.iter().enumerate() {
        let form = &text[w.start..w.end];
        let mut misc = format!("TokenRange={}:{}", w.start, w.end);
        if parse.words.get(i + 1).is_some_and(|n| n.start == w.end) {
            misc.push_str("|SpaceAfter=No");
        }
        let rel = model.relations().get(w.deprel as usize).map_or("dep", String::as_str);
        let _ = writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t_\t{}\t{}\t_\t{}",
            i + 1,
            form,
            if w.lemma.is_empty() { "_" } else { &w.lemma },
            w.upos_name(),
            model.tagger.xpos(w.tag),
            w.head,
            rel,
            misc
        );
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_words_and_skips_ranges() {
        let t = "# text = I don't.\n1\tI\tI\tPRON\tPRP\t_\t3\tnsubj\t_\t_\n2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n\
                 2\tdo\tdo\tAUX\tVBP\t_\t0\troot\t_\t_\n3\tn't\tnot\tPART\tRB\t_\t2\tadvmod\t_\t_\n\n";
        let s = read(t).unwrap();
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].text, "I don't.");
        assert_eq!(s[0].words.iter().map(|w| w.form.as_str()).collect::<Vec<_>>(), ["I", "do", "n't"]);
        assert_eq!(s[0].words[2].head, 2);
        assert!(read("1\tx\n").unwrap_err().contains("line 1"));
    }
}
