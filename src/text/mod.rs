//! Stage 2: entry text → sentences and tokens, each with a byte span into the text.
//!
//! Tokens are words (letters, digits, inner hyphens, apostrophes and dots as in
//! "U.S." or "600,000"), quotes and punctuation. Sentences end at '.', '!' or '?'
//! followed by space and a capital, digit or quote, except after abbreviations, and
//! at paragraph breaks. No I/O, no allocation beyond the token list.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    /// An opening or closing quote mark (straight or curly).
    Quote,
    Punct,
}

/// One token: its kind and byte span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
}

impl Token {
    /// The token's text.
    pub fn text<'a>(&self, s: &'a str) -> &'a str {
        &s[self.start..self.end]
    }
}

/// A sentence: its byte span and its tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    pub tokens: Vec<Token>,
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '‘' | '’' | '«' | '»' | '„')
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Splits text into tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let at = |i: usize| chars.get(i).map(|c| c.1);
    let mut i = 0;
    while i < n {
        let (start, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if c.is_alphanumeric() {
            // Acronyms with dots (U.S., U.K.) are one token.
            let (mut k, mut pairs) = (i, 0);
            while k + 1 < n && chars[k].1.is_uppercase() && chars[k + 1].1 == '.' {
                k += 2;
                pairs += 1;
            }
            let mut j = if pairs >= 2 { k } else { i + 1 };
            while j < n {
                let d = chars[j].1;
                let next_alnum = at(j + 1).is_some_and(char::is_alphanumeric);
                if d.is_alphanumeric() {
                    j += 1;
                } else if (d == '-' || d == '‑') && next_alnum {
                    j += 1;
                } else if is_apostrophe(d) && next_alnum && !at(j + 1).is_some_and(|x| x == 's' || x == 'S') {
                    // "Don't", "O'Brien" stay whole; "Kiev's" splits before the 's.
                    j += 1;
                } else if is_apostrophe(d)
                    && at(j + 1).is_some_and(|x| x == 't')
                    && !at(j + 2).is_some_and(char::is_alphanumeric)
                {
                    j += 1;
                } else if (d == ',' || d == '.')
                    && chars[j - 1].1.is_ascii_digit()
                    && at(j + 1).is_some_and(|x| x.is_ascii_digit())
                {
                    j += 1; // 600,000 and 3.5
                } else {
                    break;
                }
            }
            // A title's abbreviation keeps its dot before a name ("Mr. Kushner", "Gen.
            // Smith"), as UD tokenizes it: the dot ends no sentence and is no comma.
            if at(j) == Some('.')
                && at(j + 1).is_some_and(char::is_whitespace)
                && at(j + 2).is_some_and(char::is_uppercase)
                && TITLE_ABBREVIATIONS.contains(&text[start..chars[j].0].to_lowercase().as_str())
            {
                j += 1;
            }
            // A middle initial keeps its dot ("Donald J. Trump", "John F. Kennedy"), as UD
            // tokenizes it: one capital after a capitalised word, before a capitalised word.
            let after_name = out.last().is_some_and(|t: &Token| {
                t.kind == TokenKind::Word && text[t.start..t.end].chars().next().is_some_and(char::is_uppercase)
            });
            if j == i + 1
                && c.is_uppercase()
                && after_name
                && at(j) == Some('.')
                && at(j + 1) == Some(' ')
                && at(j + 2).is_some_and(char::is_uppercase)
            {
                j += 1;
            }
            let end = chars.get(j).map(|c| c.0).unwrap_or(text.len());
            let word = &text[start..end];
            let kind = if word.chars().next().is_some_and(|x| x.is_ascii_digit()) {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            out.push(Token { start, end, kind });
            i = j;
            continue;
        }
        // Possessive 's after a word: its own token.
        if is_apostrophe(c)
            && at(i + 1).is_some_and(|x| x == 's' || x == 'S')
            && !at(i + 2).is_some_and(char::is_alphanumeric)
            && i > 0
            && chars[i - 1].1.is_alphanumeric()
        {
            let end = chars.get(i + 2).map(|c| c.0).unwrap_or(text.len());
            out.push(Token { start, end, kind: TokenKind::Word });
            i += 2;
            continue;
        }
        let end = chars.get(i + 1).map(|c| c.0).unwrap_or(text.len());
        let kind = if is_quote(c) { TokenKind::Quote } else { TokenKind::Punct };
        out.push(Token { start, end, kind });
        i += 1;
    }
    out
}

/// Abbreviated titles that stand before a name and keep their dot as one token.
const TITLE_ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "sgt", "capt", "prof", "sen", "rep", "gov", "brig", "maj", "adm",
    "cmdr", "rev", "fr", "hon", "amb", "supt", "cpl", "pvt",
];

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "sgt", "capt", "prof", "sen", "rep", "gov", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "vs", "etc", "jr", "sr", "inc", "ltd", "co",
    "corp", "approx", "u.s", "u.k", "u.n", "e.g", "i.e",
];

/// Splits text into sentences with their tokens.
pub fn sentences(text: &str) -> Vec<Sentence> {
    let tokens = tokenize(text);
    let mut out = Vec::new();
    let mut cur: Vec<Token> = Vec::new();
    let flush = |cur: &mut Vec<Token>, out: &mut Vec<Sentence>| {
        if let (Some(f), Some(l)) = (cur.first(), cur.last()) {
            out.push(Sentence { start: f.start, end: l.end, tokens: std::mem::take(cur) });
        }
    };
    for (k, t) in tokens.iter().enumerate() {
        // A paragraph break ends a sentence.
        if let Some(prev) = cur.last() {
            if text[prev.end..t.start].contains("\n\n") {
                flush(&mut cur, &mut out);
            }
        }
        cur.push(*t);
        let s = t.text(text);
        if t.kind == TokenKind::Punct && matches!(s, "." | "!" | "?") {
            // Closing quotes after the stop belong to this sentence.
            let mut m = k + 1;
            while m < tokens.len() && tokens[m].kind == TokenKind::Quote && tokens[m].start == tokens[m - 1].end {
                m += 1;
            }
            let prev = if k > 0 { tokens[k - 1].text(text).to_lowercase() } else { String::new() };
            let abbrev = s == "." && ABBREVIATIONS.contains(&prev.trim_end_matches('.'));
            let initial = s == "." && prev.chars().count() == 1 && prev.chars().all(char::is_alphabetic);
            let next_starts = tokens.get(m).map(|n| {
                let c = n.text(text).chars().next().unwrap_or(' ');
                c.is_uppercase() || c.is_ascii_digit() || n.kind == TokenKind::Quote
            });
            if !abbrev && !initial && next_starts.unwrap_or(true) && m == k + 1 {
                flush(&mut cur, &mut out);
            }
        } else if t.kind == TokenKind::Quote && k > 0 && matches!(tokens[k - 1].text(text), "." | "!" | "?") {
            let next_starts = tokens.get(k + 1).map(|n| n.text(text).chars().next().is_some_and(|c| c.is_uppercase()));
            if next_starts.unwrap_or(true)
                && !tokens.get(k + 1).is_some_and(|n| n.kind == TokenKind::Quote && n.start == t.end)
            {
                flush(&mut cur, &mut out);
            }
        }
    }
    flush(&mut cur, &mut out);
    out
}

/// For each token: whether it is inside double quotes (curly or straight).
pub fn quote_flags(text: &str, tokens: &[Token]) -> Vec<bool> {
    let mut out = vec![false; tokens.len()];
    let mut inside = false;
    for (i, t) in tokens.iter().enumerate() {
        let s = t.text(text);
        match s {
            "“" | "«" | "„" => inside = true,
            "”" | "»" => inside = false,
            "\"" => inside = !inside,
            _ => {}
        }
        // A paragraph break closes any open quote.
        if i > 0 && text[tokens[i - 1].end..t.start].contains("\n\n") && !matches!(s, "“" | "\"") {
            inside = false;
        }
        out[i] = inside && t.kind != TokenKind::Quote;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        tokenize(s).iter().map(|t| t.text(s)).collect()
    }

    #[test]
    fn tokens() {
        assert_eq!(
            words("Kiev’s U.S.-drafted plan, 600,000 troops"),
            ["Kiev", "’s", "U.S.-drafted", "plan", ",", "600,000", "troops"]
        );
        assert_eq!(words("“don't” 30-day"), ["“", "don't", "”", "30-day"]);
        assert_eq!(words("won’t go"), ["won’t", "go"]);
        assert_eq!(words("the U.S. said"), ["the", "U.S.", "said"]);
        // A title keeps its dot before a name; other dots stay punctuation.
        assert_eq!(words("Mr. Kushner and Gen. Smith"), ["Mr.", "Kushner", "and", "Gen.", "Smith"]);
        assert_eq!(words("He met Mr. Then"), ["He", "met", "Mr.", "Then"]);
        assert_eq!(words("the dr. said"), ["the", "dr", ".", "said"]);
        // A middle initial keeps its dot; a capital ending a sentence does not.
        assert_eq!(words("Donald J. Trump met"), ["Donald", "J.", "Trump", "met"]);
        assert_eq!(words("he chose B. Then"), ["he", "chose", "B", ".", "Then"]);
    }

    #[test]
    fn sentence_splits() {
        let t = "Mr. Smith met the U.S. envoy. He left.\n\nNew para without stop\n\n“It is over.” Then more.";
        let s: Vec<&str> = sentences(t).iter().map(|s| &t[s.start..s.end]).collect();
        assert_eq!(
            s,
            ["Mr. Smith met the U.S. envoy.", "He left.", "New para without stop", "“It is over.”", "Then more."]
        );
    }

    #[test]
    fn quote_continuing_sentence() {
        let t = "The plan was “unacceptable,” Axios cited him as saying. Next.";
        let s: Vec<&str> = sentences(t).iter().map(|s| &t[s.start..s.end]).collect();
        assert_eq!(s, ["The plan was “unacceptable,” Axios cited him as saying.", "Next."]);
    }
}
