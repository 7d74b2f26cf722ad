//! Stage 3: sentences of tokens → words with a part-of-speech tag, a lemma, a head and
//! a Universal Dependencies relation.
//!
//! The tokens of [`crate::text`] are split the way UD English splits them ("do" +
//! "n't", "US" + "-" + "drafted"; "Kyiv" + "'s" already comes split), every word
//! keeping its byte span into the entry text. A greedy averaged-perceptron tagger
//! ([`tagger`]) and an arc-hybrid transition parser ([`parser`]), both trained on UD
//! English-EWT by `kg-train` ([`train`]), and a lemmatizer learnt from the same
//! treebank ([`lemma`]) do the rest. The model is compiled into the binary
//! (`models/en_ewt.kgsyn`), so nothing is read or downloaded at run time.
//!
//! This stage knows nothing of actors, positions or claims; it does no I/O.

pub mod conllu;
pub mod lemma;
pub mod parser;
pub mod perceptron;
pub mod tagger;
pub mod train;

use std::borrow::Cow;
use std::sync::OnceLock;

use crate::text::{Sentence, Token};
use lemma::Lemmatizer;
use parser::{Parser, ParserInput};
use perceptron::{put_str, Reader};
use tagger::{Tagger, WordFeatures, UPOS};

/// The bundled model, trained on UD English-EWT (CC BY-SA 4.0; see models/README.md).
static BUNDLED: &[u8] = include_bytes!("../../models/en_ewt.kgsyn");

const MAGIC: &str = "kg-syntax-2";

/// UPOS index of punctuation.
const PUNCT: u8 = 12;

/// One syntactic word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// Byte span in the entry text.
    pub start: usize,
    pub end: usize,
    /// Universal part-of-speech tag (an index into [`UPOS`]).
    pub upos: u8,
    /// The tagger's finer tag (UPOS and Penn Treebank tag; see [`Tagger::xpos`]).
    pub tag: u8,
    pub lemma: String,
    /// 0 for the sentence root, else the 1-based index of the head word.
    pub head: usize,
    /// The relation to the head (an index into [`Model::relations`]).
    pub deprel: u8,
}

impl Word {
    /// The tag's name ("NOUN", "VERB", …).
    pub fn upos_name(&self) -> &'static str {
        UPOS[self.upos as usize]
    }
}

/// A parsed sentence.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Parse {
    pub words: Vec<Word>,
    /// For each token of the sentence, the range of words it was split into.
    pub token_words: Vec<std::ops::Range<usize>>,
}

/// Tagger, parser and lemmatizer.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    pub tagger: Tagger,
    pub parser: Parser,
    pub lemmas: Lemmatizer,
}

/// An error reading a model file.
#[derive(Debug, thiserror::Error)]
#[error("invalid syntax model: {0}")]
pub struct ModelError(String);

impl Model {
    /// The model compiled into kg, loaded once.
    pub fn bundled() -> &'static Model {
        static MODEL: OnceLock<Model> = OnceLock::new();
        MODEL.get_or_init(|| Model::from_bytes(BUNDLED).expect("the bundled model is checked by the tests"))
    }

    /// Reads a model from its bytes.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        let mut r = Reader::new(bytes);
        let read = |r: &mut Reader<'_>| -> Result<Model, String> {
            if r.string()? != MAGIC {
                return Err("not a kg syntax model (wrong magic)".into());
            }
            let tagger = Tagger::read(r)?;
            let parser = Parser::read(r)?;
            let lemmas = Lemmatizer::read(r)?;
            Ok(Model { tagger, parser, lemmas })
        };
        read(&mut r).map_err(ModelError)
    }

    /// The model's bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        put_str(&mut out, MAGIC);
        self.tagger.write(&mut out);
        self.parser.write(&mut out);
        self.lemmas.write(&mut out);
        out
    }

    /// This model without weights smaller than `min`.
    pub fn pruned(&self, min: f32) -> Model {
        Model { tagger: self.tagger.pruned(min), parser: self.parser.pruned(min), lemmas: self.lemmas.clone() }
    }

    /// The relation names ("nsubj", "obl:tmod", …).
    pub fn relations(&self) -> &[String] {
        self.parser.labels()
    }

    /// The index of a relation name, if the model has it.
    pub fn relation(&self, name: &str) -> Option<u8> {
        self.relations().iter().position(|r| r == name).map(|i| i as u8)
    }

    /// Tags, lemmatizes and parses words given by their forms.
    pub fn analyze_forms(&self, forms: &[&str]) -> Analysis {
        self.analyze_forms_if(forms, |_, _| true).expect("always wanted")
    }

    /// [`Model::analyze_forms`], parsing only when `wanted` says so of the words'
    /// UPOS tags and lemmas (tagging is a sixth of the work: a caller that needs a
    /// verb can skip the parse of a sentence whose cue word was tagged a noun).
    pub fn analyze_forms_if(&self, forms: &[&str], wanted: impl Fn(&[u8], &[String]) -> bool) -> Option<Analysis> {
        let model_forms: Vec<Cow<'_, str>> = forms.iter().map(|f| model_form(f)).collect();
        let feats: Vec<WordFeatures> = model_forms.iter().map(|f| WordFeatures::of(f)).collect();
        let tags = self.tagger.tag(&feats);
        let upos: Vec<u8> = tags.iter().map(|t| self.tagger.upos(*t)).collect();
        let lemmas: Vec<String> = model_forms.iter().zip(&upos).map(|(f, t)| self.lemmas.lemma(f, *t)).collect();
        if !wanted(&upos, &lemmas) {
            return None;
        }
        let input: Vec<ParserInput> = feats
            .iter()
            .zip(&tags)
            .zip(&lemmas)
            .map(|((w, t), l)| ParserInput {
                word: *w,
                tag: *t,
                punct: self.tagger.upos(*t) == PUNCT,
                lemma: perceptron::hash_str(l),
            })
            .collect();
        let arcs = self.parser.parse(&input);
        Some(Analysis { tags, upos, head: arcs.head, label: arcs.label, lemmas })
    }

    /// Parses one sentence of `text`.
    pub fn parse(&self, text: &str, sentence: &Sentence) -> Parse {
        self.parse_tokens(text, &sentence.tokens)
    }

    /// Parses a run of tokens of `text` as one sentence.
    pub fn parse_tokens(&self, text: &str, tokens: &[Token]) -> Parse {
        self.parse_tokens_if(text, tokens, |_, _, _| true).expect("always wanted")
    }

    /// [`Model::parse_tokens`], parsing only when `wanted` says so of the words'
    /// forms, UPOS tags and lemmas (see [`Model::analyze_forms_if`]).
    pub fn parse_tokens_if(
        &self,
        text: &str,
        tokens: &[Token],
        wanted: impl Fn(&[&str], &[u8], &[String]) -> bool,
    ) -> Option<Parse> {
        let (spans, token_words) = split_tokens(text, tokens);
        let forms: Vec<&str> = spans.iter().map(|(s, e)| &text[*s..*e]).collect();
        let a = self.analyze_forms_if(&forms, |upos, lemmas| wanted(&forms, upos, lemmas))?;
        let words = spans
            .iter()
            .enumerate()
            .zip(a.lemmas)
            .map(|((i, (start, end)), lemma)| Word {
                start: *start,
                end: *end,
                upos: a.upos[i],
                tag: a.tags[i],
                lemma,
                head: a.head[i],
                deprel: a.label[i],
            })
            .collect();
        Some(Parse { words, token_words })
    }
}

/// What the models make of a sentence's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Analysis {
    /// The tagger's tags (UPOS and Penn Treebank pairs).
    pub tags: Vec<u8>,
    /// Their UPOS indices.
    pub upos: Vec<u8>,
    /// Heads: 0 the root, else 1-based.
    pub head: Vec<usize>,
    /// Relation indices.
    pub label: Vec<u8>,
    pub lemmas: Vec<String>,
}

/// The form the models read: curly quotes and dashes as in the treebank.
fn model_form(form: &str) -> Cow<'_, str> {
    match form {
        "“" | "”" | "„" | "«" | "»" => "\"".into(),
        "‘" | "’" => "'".into(),
        "—" | "–" | "―" => "--".into(),
        _ if form.contains(['’', '‑']) => form.replace('’', "'").replace('‑', "-").into(),
        _ => form.into(),
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Splits kg tokens into UD words: at hyphens inside words, and before the clitics
/// "n't", "'m", "'re", "'ve", "'ll", "'d" ("cannot" → "can" + "not").
pub fn split_tokens(text: &str, tokens: &[Token]) -> (Vec<(usize, usize)>, Vec<std::ops::Range<usize>>) {
    let mut spans = Vec::with_capacity(tokens.len() + 4);
    let mut ranges = Vec::with_capacity(tokens.len());
    for t in tokens {
        let from = spans.len();
        let s = &text[t.start..t.end];
        let mut piece_start = t.start;
        let alnum = s.chars().any(char::is_alphanumeric);
        if alnum {
            for (i, c) in s.char_indices() {
                if (c == '-' || c == '‑') && i > 0 && t.start + i > piece_start {
                    split_clitics(text, piece_start, t.start + i, &mut spans);
                    spans.push((t.start + i, t.start + i + c.len_utf8()));
                    piece_start = t.start + i + c.len_utf8();
                }
            }
        }
        if piece_start < t.end {
            split_clitics(text, piece_start, t.end, &mut spans);
        }
        ranges.push(from..spans.len());
    }
    (spans, ranges)
}

fn split_clitics(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let s = &text[start..end];
    let lower = s.to_lowercase();
    if lower.len() == s.len() {
        // n't: "don't" → "do" + "n't", "can't" → "ca" + "n't".
        for nt in ["n't", "n’t"] {
            if lower.len() > nt.len() + 1 && lower.ends_with(nt) {
                let cut = end - nt.len();
                out.push((start, cut));
                out.push((cut, end));
                return;
            }
        }
        if lower == "cannot" {
            out.push((start, start + 3));
            out.push((start + 3, end));
            return;
        }
        if let Some((i, c)) = s.char_indices().rev().find(|(_, c)| is_apostrophe(*c)) {
            let rest = &lower[i + c.len_utf8()..];
            if i > 0 && matches!(rest, "m" | "re" | "ve" | "ll" | "d") {
                out.push((start, start + i));
                out.push((start + i, end));
                return;
            }
        }
    }
    out.push((start, end));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn words(s: &str) -> Vec<&str> {
        let (spans, _) = split_tokens(s, &tokenize(s));
        spans.iter().map(|(a, b)| &s[*a..*b]).collect()
    }

    #[test]
    fn splits_as_ud_does() {
        assert_eq!(words("Kyiv's U.S.-drafted plan"), ["Kyiv", "'s", "U.S.", "-", "drafted", "plan"]);
        assert_eq!(words("They don't, can’t and won't"), ["They", "do", "n't", ",", "ca", "n’t", "and", "wo", "n't"]);
        assert_eq!(
            words("We're sure I'll go; O'Brien cannot"),
            ["We", "'re", "sure", "I", "'ll", "go", ";", "O'Brien", "can", "not"]
        );
        assert_eq!(words("a 30-day truce — “now”"), ["a", "30", "-", "day", "truce", "—", "“", "now", "”"]);
    }

    #[test]
    fn bundled_model_loads_and_parses() {
        let m = Model::bundled();
        let text = "Ukraine rejected the plan.";
        let s = crate::text::sentences(text);
        let p = m.parse(text, &s[0]);
        let names: Vec<&str> = p.words.iter().map(|w| w.upos_name()).collect();
        assert_eq!(names, ["PROPN", "VERB", "DET", "NOUN", "PUNCT"]);
        let rel = |i: usize| m.relations()[p.words[i].deprel as usize].as_str();
        assert_eq!((p.words[0].head, rel(0)), (2, "nsubj"));
        assert_eq!((p.words[1].head, rel(1)), (0, "root"));
        assert_eq!((p.words[3].head, rel(3)), (2, "obj"));
        assert_eq!(p.words[1].lemma, "reject");
        // Every word's span lies in the text.
        assert!(p.words.iter().all(|w| w.end <= text.len() && w.start < w.end));
    }

    #[test]
    fn lemmas_of_inflected_cues() {
        let m = Model::bundled();
        for (text, word, want) in [
            ("She defended the deal.", 1, "defend"),
            ("He defends the deal.", 1, "defend"),
            ("They are defending the deal.", 2, "defend"),
            ("The meetings with Iran ended.", 1, "meeting"),
            ("Seoul denied the report.", 1, "deny"),
        ] {
            let s = crate::text::sentences(text);
            let p = m.parse(text, &s[0]);
            assert_eq!(p.words[word].lemma, want, "{text}");
        }
    }

    #[test]
    fn a_broken_model_is_an_error() {
        assert!(Model::from_bytes(b"nope").is_err());
        let bytes = Model::bundled().to_bytes();
        assert!(Model::from_bytes(&bytes[..bytes.len() / 2]).is_err());
    }
}
