//! The cue lexicon (`ontology/cues.tsv`): cue words with their relation and frame,
//! and word classes for speech, reporting, hedging, negation and modality.

use crate::claim::Relation;

/// How a cue's subject and object are found. See `ontology/cues.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Frame {
    Verb,
    For,
    Adj,
    Noun,
    Backers,
}

/// Word classes that are not relations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WordClass {
    Speech,
    Report,
    Hedge,
    Negation,
    Planned,
    Hoped,
    Possible,
}

/// One cue: its words (lower case, split on spaces), relation and frame.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cue {
    pub words: Vec<String>,
    pub relation: Relation,
    pub frame: Frame,
}

/// The parsed lexicon.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    pub cues: Vec<Cue>,
    pub classes: Vec<(WordClass, Vec<String>)>,
}

impl Lexicon {
    /// Parses the TSV text; errors name the line.
    pub fn parse(text: &str) -> Result<Lexicon, String> {
        let mut lex = Lexicon::default();
        for (i, line) in text.lines().enumerate() {
            let line = line.trim_end();
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() != 3 {
                return Err(format!("line {}: expected 3 tab-separated columns, found {}", i + 1, cols.len()));
            }
            let forms = cols[2].split('|').map(|f| f.trim().to_lowercase()).filter(|f| !f.is_empty());
            if let Some(class) = cols[0].strip_prefix('@') {
                let class = match class {
                    "speech" => WordClass::Speech,
                    "report" => WordClass::Report,
                    "hedge" => WordClass::Hedge,
                    "negation" => WordClass::Negation,
                    "planned" => WordClass::Planned,
                    "hoped" => WordClass::Hoped,
                    "possible" => WordClass::Possible,
                    other => return Err(format!("line {}: unknown word class '@{other}'", i + 1)),
                };
                lex.classes.push((class, forms.collect()));
                continue;
            }
            let relation = Relation::from_name(cols[0])
                .ok_or_else(|| format!("line {}: unknown relation '{}'", i + 1, cols[0]))?;
            let frame = match cols[1] {
                "verb" => Frame::Verb,
                "for" => Frame::For,
                "adj" => Frame::Adj,
                "noun" => Frame::Noun,
                "backers" => Frame::Backers,
                other => return Err(format!("line {}: unknown frame '{other}'", i + 1)),
            };
            for f in forms {
                lex.cues.push(Cue { words: f.split_whitespace().map(str::to_string).collect(), relation, frame });
            }
        }
        Ok(lex)
    }

    /// The words of a class.
    pub fn class(&self, class: WordClass) -> impl Iterator<Item = &str> {
        self.classes.iter().filter(move |(c, _)| *c == class).flat_map(|(_, w)| w.iter().map(String::as_str))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_cues_and_classes() {
        let lex = Lexicon::parse("# c\nrejects\tverb\treject|ruled out\n@hedge\t-\treportedly\n").unwrap();
        assert_eq!(lex.cues.len(), 2);
        assert_eq!(lex.cues[1].words, vec!["ruled", "out"]);
        assert_eq!(lex.class(WordClass::Hedge).collect::<Vec<_>>(), vec!["reportedly"]);
    }

    #[test]
    fn errors_name_the_line() {
        assert_eq!(Lexicon::parse("\nloves\tverb\tlove").unwrap_err(), "line 2: unknown relation 'loves'");
        assert_eq!(
            Lexicon::parse("rejects verb reject").unwrap_err(),
            "line 1: expected 3 tab-separated columns, found 1"
        );
    }
}
