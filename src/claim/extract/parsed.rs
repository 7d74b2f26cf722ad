//! Claims read off the dependency parse: a verb cue found by its lemma ("defended",
//! "defends" → "defend"), its subject from `nsubj` (or, for a passive, the `obl:agent`
//! "by" phrase), its objects from `obj`, a cue's own preposition (`obl` with "for" in
//! "called for"), `xcomp` or `ccomp`, each with its whole noun-phrase subtree
//! (embedded names and possessives kept), coordinated subjects and objects split into
//! claims, `not`/`never` dependents negating the cue, and cues under "if", "whether"
//! or "unless" left alone (a condition, not a stance).

use super::*;
use crate::syntax::{Model, Parse};

/// UPOS indices (see `syntax::tagger::UPOS`).
const VERB: u8 = 15;
const NOUN: u8 = 7;
const ADJ: u8 = 0;
const ADV: u8 = 2;
const PROPN: u8 = 11;
const PRON: u8 = 10;
const NUM: u8 = 8;
const PUNCT: u8 = 12;
const ADP: u8 = 1;
const CCONJ: u8 = 4;

/// Prepositions a cue can end with, whose object is the cue's object.
const CUE_PREPOSITIONS: &[&str] = &["for", "with", "to", "on", "at", "against", "about", "from", "of", "in"];

/// First words of verb cues that are not verbs themselves ("will not accept").
const NOT_VERBS: &[&str] = &[
    "will", "would", "won't", "cannot", "can't", "not", "never", "is", "are", "be", "ready", "prepared", "willing",
    "open", "to", "no", "talks", "talk", "negotiations", "negotiation", "summit", "call", "phone", "discussions",
    "meeting",
];

/// Verb cues by the lemma of their first word, each with the words that must follow it.
pub(super) fn verb_lemmas(cues: &HashMap<String, Vec<CueRef>>) -> HashMap<String, Vec<(Relation, Vec<String>)>> {
    let model = Model::bundled();
    let mut out: HashMap<String, Vec<(Relation, Vec<String>)>> = HashMap::default();
    for c in cues.values().flatten().filter(|c| c.frame == Frame::Verb) {
        let Some(first) = c.words.first() else { continue };
        if NOT_VERBS.contains(&first.as_str()) {
            continue;
        }
        let lemma = model.lemmas.lemma(first, VERB);
        let entry = (c.relation, c.words[1..].to_vec());
        let list = out.entry(lemma).or_default();
        if !list.contains(&entry) {
            list.push(entry);
        }
    }
    for list in out.values_mut() {
        // Longest first, so that "call for" wins over "call".
        list.sort_by_key(|b| std::cmp::Reverse(b.1.len()));
    }
    out
}

/// Forms of the meeting nouns, which the surface rules read unless the sides are
/// joined ("talks between A and B").
const MEETING_NOUNS: &[&str] = &[
    "talks", "talk", "meeting", "meetings", "summit", "summits", "discussion", "discussions", "negotiations",
    "conversation", "call",
];

/// Every word form that may be a cue read on the parse: the first words of the
/// lexicon's verb cues, regular inflections of their lemmas ("defend" → "defends",
/// "defended", "defending"; "agree" → "agreed"; "ban" → "banned"), and the stance
/// nouns with their plurals.
pub(super) fn cue_words(
    cues: &HashMap<String, Vec<CueRef>>,
    lemmas: &HashMap<String, Vec<(Relation, Vec<String>)>>,
) -> rustc_hash::FxHashSet<String> {
    let mut out = rustc_hash::FxHashSet::default();
    for c in cues.values().flatten().filter(|c| c.frame == Frame::Verb) {
        if let Some(first) = c.words.first().filter(|f| !NOT_VERBS.contains(&f.as_str())) {
            out.insert(first.clone());
        }
    }
    for l in lemmas.keys() {
        out.insert(l.clone());
        let stem = l.strip_suffix('e').unwrap_or(l);
        for suffix in ["s", "es", "ed", "d", "ing"] {
            out.insert(format!("{l}{suffix}"));
            out.insert(format!("{stem}{suffix}"));
        }
        if let Some(y) = l.strip_suffix('y') {
            out.insert(format!("{y}ies"));
            out.insert(format!("{y}ied"));
        }
        if let Some(last) = l.chars().last().filter(|c| !"aeiouwy".contains(*c)) {
            out.insert(format!("{l}{last}ed"));
            out.insert(format!("{l}{last}ing"));
        }
    }
    // "X said Y must …" (see `modal_demands`); judgements (see `evaluations`).
    out.extend(["must".to_string(), "should".to_string()]);
    for w in PREDICATE_WORDS.iter().copied().flatten() {
        out.insert(w.to_string());
        out.insert(format!("{w}s"));
    }
    out.insert("needed".to_string());
    for (l, ..) in NOUN_FRAMES.iter().filter(|(_, r, _)| *r != Relation::Meets) {
        out.insert(l.to_string());
        out.insert(format!("{l}s"));
    }
    out
}

/// The parse of one sentence with what the rules ask of it.
struct Tree<'a> {
    p: &'a Parse,
    rel: Vec<&'a str>,
    /// Each word's head (`None` for the root), after the repairs in [`Tree::new`].
    heads: Vec<Option<usize>>,
    kids: Vec<Vec<usize>>,
    /// The entry token each word belongs to.
    token: Vec<usize>,
}

impl<'a> Tree<'a> {
    fn new(p: &'a Parse, start: usize) -> Tree<'a> {
        let model = Model::bundled();
        let n = p.words.len();
        let mut rel: Vec<&str> =
            p.words.iter().map(|w| model.relations().get(w.deprel as usize).map_or("dep", String::as_str)).collect();
        // "with President Zelensky and President Putin", read as one name: a name part
        // across a coordinating conjunction is a conjunct.
        for (i, w) in p.words.iter().enumerate() {
            let h = w.head.wrapping_sub(1);
            if rel[i] == "flat" && h < i && (h + 1..i).any(|b| p.words[b].upos == CCONJ) {
                rel[i] = "conj";
            }
        }
        let mut heads: Vec<Option<usize>> =
            p.words.iter().map(|w| (w.head > 0 && w.head <= n).then(|| w.head - 1)).collect();
        let kids_of = |heads: &[Option<usize>]| {
            let mut kids = vec![Vec::new(); n];
            for (i, h) in heads.iter().enumerate() {
                if let Some(h) = h {
                    kids[*h].push(i);
                }
            }
            kids
        };
        // "asked President Donald Trump for sanctions relief", with the name read as the
        // possessor of "relief": a possessor needs a possessive "'s"; without one, a name
        // on a verb's argument is the verb's object.
        let mut first = kids_of(&heads);
        let mut built = heads.clone();
        for w in 0..n {
            let Some(h) = heads[w].filter(|_| rel[w] == "nmod:poss" && p.words[w].upos == PROPN) else { continue };
            let possessive = first[w].iter().any(|c| matches!(p.words[*c].lemma.as_str(), "'s" | "'" | "’s" | "’"));
            let Some(g) =
                heads[h].filter(|g| p.words[*g].upos == VERB && (rel[h].starts_with("obl") || rel[h] == "obj"))
            else {
                continue;
            };
            if !possessive && w < h && g < w {
                heads[w] = Some(g);
                rel[w] = "obj";
            }
        }
        // "the support of the United States and other G7 nations for X", with "nations"
        // coordinated with "support": a bare conjunct after a noun's "of" phrase is that
        // phrase's conjunct, and what follows it is the noun's.
        if built != heads {
            first = kids_of(&heads);
            built.clone_from(&heads);
        }
        let case = |w: usize| first[w].iter().find(|c| rel[**c] == "case").map(|c| p.words[*c].lemma.as_str());
        for k in 0..n {
            let Some(h) = heads[k].filter(|h| rel[k] == "conj" && p.words[*h].upos == NOUN && *h < k) else { continue };
            let of = first[h]
                .iter()
                .copied()
                .filter(|m| *m > h && *m < k && rel[*m] == "nmod" && matches!(case(*m), Some("of" | "from")))
                .max();
            let Some(m) = of else { continue };
            let det = first[k].iter().any(|c| rel[*c] == "det");
            if !matches!(p.words[k].upos, NOUN | PROPN) || case(k).is_some() || det && p.words[m].upos != PROPN {
                continue;
            }
            heads[k] = Some(m);
            for &c in
                first[k].iter().filter(|c| **c > k && rel[**c] == "nmod" && !matches!(case(**c), Some("of") | None))
            {
                heads[c] = Some(h);
            }
        }
        // "called for an end to the blockade", with "to the blockade" read as the verb's:
        // a "to" phrase right after a verb's noun that takes one is that noun's.
        if built != heads {
            first = kids_of(&heads);
            built.clone_from(&heads);
        }
        let under = |heads: &[Option<usize>], mut x: usize, o: usize| {
            for _ in 0..12 {
                match heads[x] {
                    _ if x == o => return true,
                    Some(h) => x = h,
                    None => return false,
                }
            }
            false
        };
        for v in (0..n).filter(|v| p.words[*v].upos == VERB) {
            let nouns = first[v].iter().copied().filter(|o| {
                matches!(rel[*o], "obj" | "obl")
                    && p.words[*o].upos == NOUN
                    && TO_NOUNS.contains(&p.words[*o].lemma.as_str())
            });
            let Some(o) = nouns.last() else { continue };
            // (Or a gerund read as a "to" clause: "a halt to mining in the park".)
            let gerund = |k: usize| {
                rel[k] == "advcl"
                    && Model::bundled().tagger.xpos(p.words[k].tag) == "VBG"
                    && !first[k].iter().any(|c| matches!(rel[*c], "obj" | "ccomp" | "xcomp" | "nsubj"))
            };
            let Some(k) = first[v].iter().copied().find(|k| *k > o && (rel[*k] == "obl" || gerund(*k))) else {
                continue;
            };
            let Some(to) =
                first[k].iter().copied().find(|c| matches!(rel[*c], "case" | "mark") && p.words[*c].lemma == "to")
            else {
                continue;
            };
            if (o + 1..to).all(|x| under(&heads, x, o)) {
                heads[k] = Some(o);
                rel[k] = "nmod";
            }
        }
        // "calling for an end to violence and for the protection of civilians", with the
        // second "for" phrase coordinated with "violence": a conjunct with a preposition
        // of its own, unlike its head's, is the conjunct of the nearest phrase above
        // with that preposition.
        if built != heads {
            first = kids_of(&heads);
            built.clone_from(&heads);
        }
        let case = |w: usize| first[w].iter().find(|c| rel[**c] == "case").map(|c| p.words[*c].lemma.as_str());
        for k in 0..n {
            let Some(h) = heads[k].filter(|h| rel[k] == "conj" && *h < k) else { continue };
            let Some(own) = case(k) else { continue };
            if case(h) == Some(own) || !matches!(p.words[k].upos, NOUN | PROPN) {
                continue;
            }
            // ("pushing for talks with Hanoi and for a review", the second phrase hung
            // on the verb: the verb's last phrase before it with that preposition.)
            if p.words[h].upos == VERB {
                let earlier = first[h].iter().copied().filter(|o| *o < k && rel[*o] == "obl" && case(*o) == Some(own));
                if let Some(o) = earlier.max() {
                    heads[k] = Some(o);
                }
                continue;
            }
            if p.words[h].upos != NOUN {
                continue;
            }
            let mut up = h;
            for _ in 0..4 {
                let Some(a) = heads[up].filter(|_| matches!(rel[up], "nmod" | "obl")) else { break };
                if case(a) == Some(own) && matches!(p.words[a].upos, NOUN | PROPN) {
                    heads[k] = Some(a);
                    break;
                }
                up = a;
            }
        }
        // "support civil society, human rights defenders, and independent media", with
        // the later items hung on the verb: a bare noun after the verb's object, joined
        // by a comma or a conjunction, is the object's conjunct.
        if built != heads {
            first = kids_of(&heads);
            built.clone_from(&heads);
        }
        for v in (0..n).filter(|v| p.words[*v].upos == VERB) {
            let Some(o) =
                first[v].iter().copied().find(|k| rel[*k] == "obj" && matches!(p.words[*k].upos, NOUN | PROPN))
            else {
                continue;
            };
            // ("will continue to support A, B, and C", the items hung on "continue".)
            let up = heads[v].filter(|_| rel[v] == "xcomp").map(|h| first[h].as_slice()).unwrap_or(&[]);
            for &k in first[v].iter().chain(up).filter(|k| **k > o) {
                let own = &first[k];
                let clause = own.iter().any(|c| {
                    rel[*c].starts_with("nsubj") || matches!(rel[*c], "obj" | "cop" | "case" | "mark" | "aux")
                });
                if !matches!(p.words[k].upos, NOUN | PROPN) || !matches!(rel[k], "conj" | "obl" | "dep") || clause {
                    continue;
                }
                // ("a lasting peace, not a temporary truce": a contrast, no list.)
                let contrast = own
                    .iter()
                    .any(|c| matches!(p.words[*c].lemma.as_str(), "not" | "never" | "but" | "rather" | "instead"));
                let left = own.iter().copied().filter(|c| *c < k).min().unwrap_or(k);
                let joined = own.iter().any(|c| rel[*c] == "cc")
                    || left > o && (p.words[left - 1].upos == CCONJ || p.words[left - 1].lemma == ",");
                if joined && !contrast {
                    heads[k] = Some(o);
                    rel[k] = "conj";
                }
            }
        }
        // "called on X to allow A, release B, and enter C", with "release" and "enter"
        // hung on "called": a subjectless bare verb after a verb's "to" clause is that
        // clause's conjunct.
        if built != heads {
            first = kids_of(&heads);
            built.clone_from(&heads);
        }
        let bare = |w: usize| matches!(Model::bundled().tagger.xpos(p.words[w].tag), "VB" | "VBP");
        for v in (0..n).filter(|v| p.words[*v].upos == VERB && Model::bundled().tagger.xpos(p.words[*v].tag) != "VB") {
            let to_clause = |x: &usize| {
                matches!(rel[*x], "xcomp" | "advcl")
                    && bare(*x)
                    && first[*x].iter().any(|c| rel[*c] == "mark" && p.words[*c].lemma == "to")
            };
            let Some(x) = first[v].iter().copied().find(to_clause) else { continue };
            let later: Vec<usize> =
                first[v].iter().copied().filter(|k| *k > x && matches!(rel[*k], "conj" | "parataxis")).collect();
            for k in later {
                let own = &first[k];
                let clause =
                    own.iter().any(|c| rel[*c].starts_with("nsubj") || matches!(rel[*c], "mark" | "aux" | "aux:pass"));
                if p.words[k].upos == VERB && bare(k) && !clause {
                    heads[k] = Some(x);
                    rel[k] = "conj";
                }
            }
        }
        // "Trump and His Majesty King Abdullah II held talks", "Trump and Ukraine's
        // President Zelenskyy had a call", read as two subjects of the verb: a second
        // subject after a conjunction is the first one's conjunct (and a possessor
        // between them, the second one's).
        // ("Yesterday, President Trump and …", the name read as an apposition of
        // "Yesterday": a name in apposition to a time word before the verb is its
        // subject.)
        // ("On Wednesday, French President Emmanuel Macron in Berlin called …", the name
        // read as a conjunct of "Wednesday": likewise, with no conjunction between.)
        let time_word = |h: usize| {
            let lemma = p.words[h].lemma.to_lowercase();
            crate::mention::words::TIME_NOUNS.contains(&lemma.as_str())
                || crate::mention::words::TIME_ADVERBS.contains(&lemma.as_str())
        };
        for k in 0..n {
            let Some(h) = heads[k].filter(|h| *h < k && p.words[k].upos == PROPN) else {
                continue;
            };
            let joined = (h + 1..k).any(|b| p.words[b].upos == CCONJ);
            if !(rel[k] == "appos" || rel[k] == "conj" && !joined && time_word(h)) {
                continue;
            }
            let Some(v) = heads[h].filter(|v| {
                *v > k
                    && (matches!(rel[h], "obl:unmarked" | "obl:tmod" | "obl:npmod") || rel[h] == "obl" && time_word(h))
            }) else {
                continue;
            };
            // (A conjunct only for a verb with no subject: "Yesterday, Trump and the King
            // held …" has the King as one already.)
            let subject = (0..n).any(|c| heads[c] == Some(v) && rel[c].starts_with("nsubj"));
            if p.words[v].upos == VERB && (rel[k] == "appos" || !subject) {
                heads[k] = Some(v);
                rel[k] = "nsubj";
            }
        }
        if built != heads {
            first = kids_of(&heads);
            built.clone_from(&heads);
        }
        for v in 0..n {
            let subjects: Vec<usize> = first[v]
                .iter()
                .copied()
                .filter(|k| rel[*k] == "nsubj" && *k < v && p.words[*k].upos == PROPN)
                .collect();
            let [a, b] = subjects[..] else { continue };
            let Some(c) = (a + 1..b).find(|c| p.words[*c].upos == CCONJ) else { continue };
            heads[b] = Some(a);
            rel[b] = "conj";
            heads[c] = Some(b);
            rel[c] = "cc";
            for q in c + 1..b {
                let outside = heads[q].is_none_or(|h| h <= c || h > b);
                let possessive = first[q].iter().any(|k| matches!(p.words[*k].lemma.as_str(), "'s" | "’s"));
                if outside && (rel[q] == "nmod:poss" || possessive) {
                    heads[q] = Some(b);
                    rel[q] = "nmod:poss";
                }
            }
        }
        // "A system backed by the Red Cross was rejected by Johnson", read as "system
        // backed" a clause before the verb: a participle with a subject and no
        // auxiliary, before a verb with no subject, describes that subject, which is the
        // verb's.
        if built != heads {
            first = kids_of(&heads);
            built.clone_from(&heads);
        }
        for k in 0..n {
            // (Hung as an adverbial, a clausal modifier, or a conjunct with no conjunction
            // between: "A scheme backed by X in 2021 for refugees was rejected".)
            let hung = |h: usize| match rel[k] {
                "advcl" | "acl" | "ccomp" | "dep" => true,
                "conj" => !(k + 1..h).any(|b| p.words[b].upos == CCONJ),
                _ => false,
            };
            let Some(h) = heads[k].filter(|h| *h > k && p.words[*h].upos == VERB && hung(*h)) else {
                continue;
            };
            if Model::bundled().tagger.xpos(p.words[k].tag) != "VBN" {
                continue;
            }
            let Some(s) = first[k].iter().copied().find(|c| *c < k && rel[*c] == "nsubj") else { continue };
            let auxiliary = first[k].iter().any(|c| matches!(rel[*c], "aux" | "aux:pass" | "cop" | "mark"));
            let subject = first[h].iter().any(|c| rel[*c].starts_with("nsubj") || rel[*c] == "expl");
            if auxiliary || subject || !matches!(p.words[s].upos, NOUN | PROPN) {
                continue;
            }
            let passive = first[h].iter().any(|c| rel[*c] == "aux:pass");
            heads[s] = Some(h);
            rel[s] = if passive { "nsubj:pass" } else { "nsubj" };
            heads[k] = Some(s);
            rel[k] = "acl";
        }
        // "Moves to reduce the backlog are welcome", with "to reduce" read as a clause of
        // the noun's verb: a clause on a noun is the noun's.
        for k in 0..n {
            if rel[k] == "advcl" && heads[k].is_some_and(|h| matches!(p.words[h].upos, NOUN | PROPN)) {
                rel[k] = "acl";
            }
        }
        // "the need to defeat Hamas while also protecting civilians": a verb's "while
        // also" clause is its conjunct.
        if built != heads {
            first = kids_of(&heads);
            built.clone_from(&heads);
        }
        let clauses: Vec<usize> = (0..n).filter(|k| rel[*k] == "advcl" && p.words[*k].upos == VERB).collect();
        for k in clauses {
            let has =
                |lemma: &str, r: &str| first[k].iter().any(|c| *c < k && rel[*c] == r && p.words[*c].lemma == lemma);
            if has("while", "mark") && has("also", "advmod") && heads[k].is_some_and(|h| p.words[h].upos == VERB) {
                rel[k] = "conj";
            }
        }
        let kids = if built == heads { first } else { kids_of(&heads) };
        let mut token = vec![start; n];
        for (k, r) in p.token_words.iter().enumerate() {
            for w in r.clone() {
                token[w] = start + k;
            }
        }
        Tree { p, rel, heads, kids, token }
    }

    fn kid(&self, w: usize, rel: &str) -> Option<usize> {
        self.kids[w].iter().copied().find(|k| self.rel[*k] == rel)
    }

    fn kids_with(&self, w: usize, pred: impl Fn(&str) -> bool) -> Vec<usize> {
        self.kids[w].iter().copied().filter(|k| pred(self.rel[*k])).collect()
    }

    fn head(&self, w: usize) -> Option<usize> {
        self.heads[w]
    }

    fn lemma(&self, w: usize) -> &str {
        &self.p.words[w].lemma
    }

    /// The word's Penn Treebank tag ("VBN").
    fn xpos(&self, w: usize) -> &'static str {
        Model::bundled().tagger.xpos(self.p.words[w].tag)
    }

    /// The word's case or mark dependent ("for" in "for talks").
    fn case_of(&self, w: usize) -> Option<&str> {
        let own =
            |w: usize| self.kids[w].iter().find(|k| matches!(self.rel[**k], "case" | "mark")).map(|k| self.lemma(*k));
        // ("with Prime Minister Carney", the "with" hung on the title: the name's.)
        own(w).or_else(|| {
            self.kids[w]
                .iter()
                .copied()
                .filter(|k| *k < w && matches!(self.rel[*k], "nmod:desc" | "compound"))
                .min()
                .and_then(own)
        })
    }

    /// `w`'s oblique or nominal dependent introduced by `prep` ("to X" of "opposed").
    fn with_case(&self, w: usize, prep: &str) -> Option<usize> {
        self.kids_with(w, |r| r == "nmod" || r.starts_with("obl")).into_iter().find(|k| self.case_of(*k) == Some(prep))
    }

    /// Whether `w` has a negation of its own ("not", "never", "n't").
    fn negated(&self, w: usize) -> bool {
        self.kids[w].iter().any(|k| matches!(self.lemma(*k), "not" | "never" | "n't"))
    }

    /// `w` and the conjuncts coordinated with it ("A, B and C").
    fn with_conjuncts(&self, w: usize) -> Vec<usize> {
        let mut out = vec![w];
        let mut i = 0;
        while i < out.len() && out.len() < 12 {
            let cur = out[i];
            out.extend(self.kids_with(cur, |r| r == "conj"));
            i += 1;
        }
        out
    }

    /// The words a noun lists after one of `cases` ("allies, including Poland and
    /// Norway": "Poland", "Norway").
    fn listed(&self, w: usize, cases: &[&str]) -> Vec<usize> {
        let listed = self
            .kids_with(w, |r| r == "nmod" || r == "obl")
            .into_iter()
            .filter(|k| self.case_of(*k).is_some_and(|c| cases.contains(&c)));
        listed.flat_map(|k| self.with_conjuncts(k)).collect()
    }

    /// Objects coordinated with `w`, each a claim of its own ("a prisoner exchange and
    /// a humanitarian corridor"); bare nouns joined by "and" ("peace and stability")
    /// are one position, read whole by [`Tree::phrase`].
    fn object_conjuncts(&self, w: usize) -> Vec<usize> {
        if self.bare_pair(w) {
            vec![w]
        } else {
            self.with_conjuncts(w)
        }
    }

    /// Whether `w`'s conjuncts are single bare nouns ("stability" in "peace and stability").
    fn bare_pair(&self, w: usize) -> bool {
        let conj = self.kids_with(w, |r| r == "conj");
        !conj.is_empty()
            && self.p.words[w].upos == NOUN
            && conj.iter().all(|c| {
                self.p.words[*c].upos == NOUN && self.kids[*c].iter().all(|k| matches!(self.rel[*k], "cc" | "punct"))
            })
    }

    /// The words of `w`'s subtree, less conjuncts (unless bare: "peace and stability"),
    /// relative clauses, appositions and clauses of their own.
    fn phrase(&self, w: usize, out: &mut Vec<usize>) {
        self.phrase_at(w, out, true, 0);
    }

    /// [`Tree::phrase`] below the top: a modifier keeps its own conjuncts ("a credible
    /// and inclusive government", "a free, safe and open Indian Ocean").
    ///
    /// `level` counts the phrases with a preposition or marker above `w`: a phrase
    /// inside such a phrase is left out unless it is an "of" phrase ("a joint effort
    /// to train pilots [on fighter aircraft]", "the delivery of assistance [to
    /// civilians]", but "the release of the families of the hostages").
    fn phrase_at(&self, w: usize, out: &mut Vec<usize>, top: bool, level: usize) {
        out.push(w);
        let bare = self.bare_pair(w);
        for &k in &self.kids[w] {
            let r = self.rel[k];
            // (A conjunct with a preposition of its own is a phrase of its own: "an
            // end to violence and for the protection of civilians".)
            let own_phrase = r == "conj" && self.kids[k].iter().any(|c| matches!(self.rel[*c], "case" | "mark"));
            if (bare || !top) && matches!(r, "conj" | "cc" | "punct") && !own_phrase {
                self.phrase_at(k, out, false, level);
                continue;
            }
            // A verb's circumstances are not part of what it names: "increase air
            // defence supplies [after an overnight attack]", "meet [this week]".
            // (A noun's too, where the preposition only dates it: "a moratorium after the
            // storm".)
            let circumstance = self.p.words[w].upos == VERB
                && (matches!(r, "obl:tmod" | "obl:unmarked" | "obl:npmod")
                    || r == "obl" && self.case_of(k).is_some_and(|c| CIRCUMSTANTIAL.contains(&c)))
                || level == 0
                    && matches!(self.p.words[w].upos, NOUN | PROPN)
                    && r == "nmod"
                    && self.case_of(k).is_some_and(|c| DATING.contains(&c));
            if circumstance {
                continue;
            }
            let marked =
                matches!(r, "nmod" | "obl" | "acl" | "advcl" | "obl:tmod" | "obl:npmod") && self.case_of(k).is_some();
            if marked && level >= 1 && self.case_of(k) != Some("of") {
                continue;
            }
            // A reduced relative ("principles enshrined in the Charter") is left out; an
            // infinitive ("the demand to halt X") is the noun's content and stays.
            let relative = r == "acl" && !matches!(self.case_of(k), Some("to" | "of" | "for"))
                // "calls for a withdrawal as unrealistic": a predicate, not the phrase's.
                || self.case_of(k) == Some("as");
            // (A comma or "and" before the head joins its modifiers: "a strong, prosperous,
            // and independent Haiti".)
            let among_modifiers =
                matches!(r, "cc" | "punct") && k < w && self.kids[w].iter().any(|m| *m < k && self.rel[*m] != "punct");
            if matches!(
                r,
                "conj" | "cc" | "acl:relcl" | "appos" | "parataxis" | "punct" | "advcl" | "dep" | "discourse"
            ) && !among_modifiers
                || relative
                || r.starts_with("nsubj")
                || out.len() > 14
            {
                continue;
            }
            self.phrase_at(k, out, false, level + usize::from(marked));
        }
    }
}

/// Flags the tokens that, by the parse, act as an actor does: the subject of a cue
/// verb or a verb of saying ("Geir Pedersen urged …", "Tove Lund told …"), or the "by"
/// agent of one ("backed by the Nordic Red Cross"). The mention stage takes an unknown
/// capitalised name there for an actor ([`crate::mention::find_mentions`]).
pub(super) fn agent_tokens(
    verbs: &HashMap<String, Vec<(Relation, Vec<String>)>>,
    parses: &[Option<Parse>],
    ranges: &[(usize, usize)],
    n: usize,
) -> Vec<bool> {
    let mut out = vec![false; n];
    for (p, &(start, _)) in parses.iter().zip(ranges) {
        let Some(p) = p else { continue };
        let t = Tree::new(p, start);
        for w in 0..p.words.len() {
            let Some(h) = t.head(w) else { continue };
            let acting = p.words[h].upos == VERB
                && (verbs.contains_key(t.lemma(h))
                    || SAYING.contains(&t.lemma(h))
                    || matches!(t.lemma(h), "issue" | "announce" | "urge"));
            let agent =
                t.rel[w] == "nsubj" || t.rel[w] == "obl:agent" || t.rel[w] == "obl" && t.case_of(w) == Some("by");
            if acting && agent && p.words[w].upos == PROPN {
                if let Some(k) = out.get_mut(t.token[w]) {
                    *k = true;
                }
            }
        }
    }
    out
}

/// Whether a sentence (its words' norms) holds a word that may be a cue read on the
/// parse ([`cue_words`]), so that parsing it can matter.
pub(super) fn has_cue_candidate(cue_words: &rustc_hash::FxHashSet<String>, words: &[String]) -> bool {
    // Meeting nouns need the parse only for "talks between A and B", "A-B talks",
    // "A and B held talks", "A's call with B".
    let between =
        || words.iter().any(|w| matches!(w.as_str(), "between" | "among" | "and" | "with") || w.contains(['-', '–']));
    words.iter().any(|w| cue_words.contains(w.as_str()))
        || words.iter().any(|w| MEETING_NOUNS.contains(&w.as_str())) && between()
}

/// Whether a tagged sentence can give a claim on the parse, so that parsing it can
/// matter: a verb whose lemma is a verb cue's, a participle read as an adjective
/// ("committed"), a stance or meeting noun, "must"/"should", or a judgement word.
/// Every rule below needs one of these, so skipping the rest changes no claim.
pub(super) fn worth_parsing(
    verbs: &rustc_hash::FxHashSet<String>,
    forms: &[&str],
    upos: &[u8],
    lemmas: &[String],
) -> bool {
    (0..upos.len()).any(|i| {
        let lemma = lemmas[i].as_str();
        match upos[i] {
            VERB if verbs.contains(lemma) => true,
            ADJ if forms[i].ends_with("ed") => true,
            NOUN if NOUN_FRAMES.iter().any(|(l, ..)| *l == lemma) => true,
            _ => matches!(lemma, "must" | "should") || PREDICATE_WORDS.iter().any(|list| list.contains(&lemma)),
        }
    })
}

impl ClaimExtractor {
    /// Claims read on the parse: verb cues, then noun frames, on one [`Tree`].
    /// The claims the parse reads in the sentence; `silent` gets the cue tokens it read
    /// as carrying no claim of their own ("pressed Netanyahu to meet Abbas": no meeting).
    pub(super) fn parsed_claims(&self, ctx: &Ctx, out: &mut Vec<Found>, silent: &mut Vec<usize>) {
        let Some(p) = &ctx.parse else { return };
        let t = Tree::new(p, ctx.start);
        self.verb_cues(ctx, &t, out, silent);
        self.noun_frames(ctx, &t, out, silent);
        self.modal_demands(ctx, &t, out);
        self.evaluations(ctx, &t, out);
        self.side_predicates(ctx, &t, out);
        self.thanks_for(ctx, &t, out);
        self.joint_meetings(ctx, &t, out);
    }

    /// "Biden and Draghi talked today about Afghanistan", "Greek and Turkish officials
    /// met": a meeting verb whose subjects are two actors or more, with no partner named
    /// after it, is a meeting of those actors.
    fn joint_meetings(&self, ctx: &Ctx, t: &Tree, out: &mut Vec<Found>) {
        for v in 0..t.p.words.len() {
            if t.p.words[v].upos != VERB || !matches!(t.lemma(v), "meet" | "talk" | "speak" | "confer" | "negotiate") {
                continue;
            }
            if t.with_case(v, "with").is_some() || t.kid(v, "obj").is_some() || t.negated(v) || self.conditional(t, v) {
                continue;
            }
            let Some(s) = t.kid(v, "nsubj") else { continue };
            let mut actors = self.subjects(ctx, t, &t.with_conjuncts(s));
            // ("Greek and Turkish officials met": the states the subject's modifiers name.)
            if actors.len() < 2 {
                let mods =
                    t.kids_with(s, |r| matches!(r, "amod" | "compound")).into_iter().flat_map(|m| t.with_conjuncts(m));
                actors = mods.filter_map(|m| self.actor_at(ctx, t, m)).collect();
            }
            let mut seen = Vec::new();
            actors.retain(|a| {
                !seen.contains(&a.entity.key) && {
                    seen.push(a.entity.key.clone());
                    true
                }
            });
            let Some((first, rest)) = actors.split_first().filter(|(_, r)| !r.is_empty()) else { continue };
            let tok = t.token[v];
            let cue = CueHit::on(ctx, tok, tok, Relation::Meets, Frame::Verb);
            let modality = self.modality(ctx, tok);
            for other in rest {
                out.push(found(first, Relation::Meets, other, &cue, 0.7, modality, ctx));
            }
        }
    }

    /// Predicates that take a side, held by their subject: "German automakers are
    /// against tariffs", "Kyiv is opposed to X", "Rome is in favour of X", "critical of
    /// X", "supportive of X".
    fn side_predicates(&self, ctx: &Ctx, t: &Tree, out: &mut Vec<Found>) {
        for v in 0..t.p.words.len() {
            // ("is opposed to X" is often read as a passive.)
            let passive_opposed = t.lemma(v) == "oppose"
                && t.kid(v, "aux:pass").is_some()
                && !t.kids_with(v, |r| r.starts_with("obl")).into_iter().any(|k| t.case_of(k) == Some("by"));
            if !t.kids[v].iter().any(|k| t.rel[*k] == "cop") && !passive_opposed || self.conditional(t, v) {
                continue;
            }
            let with = |prep: &str| t.with_case(v, prep);
            let (relation, target) = match (t.lemma(v), t.case_of(v)) {
                (_, Some("against")) if t.p.words[v].upos != VERB => (Relation::Rejects, Some(v)),
                ("oppose", _) => (Relation::Rejects, with("to")),
                ("favor" | "favour", Some("in")) => (Relation::Supports, with("of")),
                (lemma, _) => match SIDE_PREDICATES.iter().find(|(l, ..)| *l == lemma) {
                    Some((_, relation, prep)) => (*relation, with(prep)),
                    None => continue,
                },
            };
            let Some(target) = target.filter(|_| !t.negated(v)) else { continue };
            let Some(subject) = t.kid(v, "nsubj").or_else(|| t.kid(v, "nsubj:pass")) else { continue };
            self.predicate_claims(ctx, t, v, subject, target, relation, out);
        }
    }

    /// Verb cues read on the parse.
    fn verb_cues(&self, ctx: &Ctx, t: &Tree, out: &mut Vec<Found>, silent: &mut Vec<usize>) {
        let p = t.p;
        for v in 0..p.words.len() {
            // "remain committed to achieving peace": a participle tagged as an adjective.
            let participle = p.words[v].upos == ADJ && (t.xpos(v) == "VBN" || ctx.w(t.token[v]).ends_with("ed"));
            if p.words[v].upos != VERB && !participle {
                continue;
            }
            let lemma = if participle {
                Model::bundled().lemmas.lemma(ctx.w(t.token[v]), VERB)
            } else {
                t.lemma(v).to_string()
            };
            let Some(entries) = self.verb_lemmas.get(&lemma) else { continue };
            if participle && entries.iter().all(|(_, rest)| rest.is_empty()) {
                continue;
            }
            let tok = t.token[v];
            // The cue's words follow the verb; a lone preposition may stand further on
            // ("spoke for almost an hour on Friday with X").
            let adjacent = |rest: &[String]| rest.iter().enumerate().all(|(k, r)| ctx.w(tok + 1 + k) == r);
            // ("asked President Biden for aid", with "for aid" hung on the name.)
            let asked = |k: usize| {
                rest_is_for(t, k)
                    && t.kids_with(v, |r| r == "obj" || r == "iobj")
                        .into_iter()
                        .any(|o| t.head(k) == Some(o) && self.actor_at(ctx, t, o).is_some())
            };
            let governed = |rest: &[String]| {
                rest.len() == 1
                    && CUE_PREPOSITIONS.contains(&rest[0].as_str())
                    && (t
                        .kids_with(v, |r| r.starts_with("obl"))
                        .iter()
                        .any(|k| t.case_of(*k) == Some(rest[0].as_str()))
                        || rest[0] == "for" && (0..p.words.len()).any(asked))
            };
            let Some((relation, rest)) = entries
                .iter()
                .find(|(_, rest)| adjacent(rest))
                .or_else(|| entries.iter().find(|(_, rest)| governed(rest)))
            else {
                continue;
            };
            let rest: &[String] = if adjacent(rest) { rest } else { &[] };
            // "back off", "back down": a particle the cue does not name makes another verb.
            if t.kids_with(v, |r| r == "compound:prt").iter().any(|k| !rest.iter().any(|r| r == t.lemma(*k))) {
                continue;
            }
            let prep = if rest.is_empty() {
                entries.iter().find(|(_, r)| governed(r)).map(|(_, r)| r.as_slice())
            } else {
                None
            };
            if self.conditional(t, v) {
                continue;
            }
            let cue = CueHit::on(ctx, tok, tok + rest.len(), *relation, Frame::Verb);
            // "did not accept", "never backed"; "refused to accept": the governing verb
            // negates the one it completes.
            let negated = t.kids[v].iter().any(|k| {
                matches!(t.rel[*k], "advmod" | "cc")
                    && matches!(t.lemma(*k), "not" | "never" | "n't" | "nor" | "neither")
            }) || (t.rel[v] == "xcomp"
                && t.head(v)
                    .is_some_and(|h| matches!(t.lemma(h), "refuse" | "decline" | "fail" | "reject" | "oppose")));
            let relation = match (negated, relation.negated()) {
                (false, _) => *relation,
                (true, Some(r)) => r,
                (true, None) => continue,
            };
            let args = prep.unwrap_or(rest);
            let passive = t.kid(v, "nsubj:pass");
            // "the plan backed by Peru": a participle's noun is its patient.
            let reduced = t.rel[v] == "acl" && t.xpos(v) == "VBN";
            let agent = || {
                t.kid(v, "obl:agent")
                    .or_else(|| t.kids_with(v, |r| r == "obl").into_iter().find(|k| t.case_of(*k) == Some("by")))
            };
            let (subjects, objects) = match (passive, reduced) {
                (Some(patient), _) => {
                    let Some(agent) = agent() else { continue };
                    (t.with_conjuncts(agent), t.object_conjuncts(patient))
                }
                (None, true) => {
                    let noun = t.head(v).filter(|h| matches!(p.words[*h].upos, NOUN | PROPN));
                    let (Some(agent), Some(noun)) = (agent(), noun) else { continue };
                    (t.with_conjuncts(agent), vec![noun])
                }
                (None, false) => {
                    let Some(subj) = subject_of(t, v, 0) else { continue };
                    // "China proposed a price floor, but the EU refused": a refusal with
                    // no object of its own refuses what the verb it is joined to names.
                    let elided = || {
                        let h = t.head(v).filter(|_| {
                            t.rel[v] == "conj" && relation == Relation::Rejects && t.kid(v, "nsubj").is_some()
                        })?;
                        let proposal = self
                            .verb_lemmas
                            .get(t.lemma(h))?
                            .iter()
                            .any(|(r, rest)| *r == Relation::Proposes && rest.is_empty());
                        proposal.then(|| object_of(t, h, &[], Relation::Proposes)).flatten().filter(|o| *o < v)
                    };
                    let Some(obj) = object_of(t, v, args, relation).or_else(elided) else { continue };
                    // "urged Kyiv to accept the plan", "pressed Canada to curb the flow
                    // of migrants": what the actor is asked to do is the demand.
                    let to_clause = t
                        .kid(v, "xcomp")
                        .or_else(|| t.kids_with(v, |r| r == "advcl").into_iter().find(|k| t.case_of(*k) == Some("to")));
                    // (Not what the cue's own "for" names: "asked for air defence
                    // systems to protect civilians" asks for the systems.)
                    let addressee = args.last().is_none_or(|p| p != "for") || self.actor_at(ctx, t, obj).is_some();
                    // "asked Washington for sanctions relief": the one asked is no demand,
                    // what is asked for is (wherever the parser hung the "for").
                    let asked_for = || {
                        let on_obj = t
                            .kids_with(obj, |r| r == "nmod" || r == "obl")
                            .into_iter()
                            .find(|k| t.case_of(*k) == Some("for"));
                        t.with_case(v, "for").or(on_obj).filter(|k| *k > obj)
                    };
                    let asked_for = (relation == Relation::Demands
                        && args.iter().all(|a| a == "for")
                        && self.actor_at(ctx, t, obj).is_some())
                    .then(asked_for)
                    .flatten();
                    let obj = match (to_clause, asked_for) {
                        (Some(x), _) if relation == Relation::Demands && x > obj && addressee => x,
                        (_, Some(f)) => f,
                        _ => obj,
                    };
                    let top = obj;
                    let obj = descend(t, obj);
                    // "declined to comment", "refused to discuss the leaks": silence,
                    // not a stance on what was not discussed.
                    if t.rel[obj] == "xcomp" && SPEAKING.contains(&t.lemma(obj)) {
                        continue;
                    }
                    if matches!(t.rel[obj], "xcomp" | "ccomp") {
                        // "wants to meet X", "refused to accept Y": the verb it governs
                        // carries the claim, this one its modality or negation. An offer
                        // to act ("offered to join") is no proposal of a position.
                        let inner = t.lemma(obj);
                        if self.verb_lemmas.contains_key(inner) || relation == Relation::Proposes {
                            continue;
                        }
                    }
                    let mut objects = t.object_conjuncts(obj);
                    // "to allow an inquiry, free the prisoners and open talks": the verbs
                    // joined to a light verb read through are objects too.
                    if top != obj && p.words[top].upos == VERB {
                        let verbs = t.kids_with(top, |r| r == "conj").into_iter().filter(|k| p.words[*k].upos == VERB);
                        objects.extend(verbs.map(|k| descend(t, k)));
                    }
                    // "sanctioned eleven people, including A and B": each actor listed is
                    // an object of its own.
                    if matches!(relation, Relation::Criticizes | Relation::Supports | Relation::Meets) {
                        let nouns: Vec<usize> =
                            objects.iter().copied().filter(|o| t.p.words[*o].upos == NOUN).collect();
                        // ("designating eleven individuals, including A, B", with "including"
                        // hung on the verb.)
                        let on_verb: Vec<usize> = t.listed(v, &["include", "including"]);
                        for o in nouns {
                            let mut members = t.listed(o, &["include", "including"]);
                            members.extend(on_verb.iter().copied().filter(|k| *k > o));
                            members.retain(|k| self.actor_at(ctx, t, *k).is_some());
                            // (The count that lists them, "eleven individuals", is none.)
                            if !members.is_empty() && self.actor_at(ctx, t, o).is_none() {
                                objects.retain(|x| *x != o);
                            }
                            objects.extend(members);
                        }
                    }
                    // "met with officials in the EU, Belgium and Italy": each place's
                    // officials.
                    if is_in(ROLE_NOUNS, ctx.w(t.token[obj])) {
                        let of = t
                            .kids_with(obj, |r| r == "nmod")
                            .into_iter()
                            .find(|k| matches!(t.case_of(*k), Some("from" | "of" | "in")));
                        objects.extend(of.into_iter().flat_map(|k| t.with_conjuncts(k).into_iter().skip(1)));
                    }
                    (t.with_conjuncts(subj), objects)
                }
            };
            let modality = self.modality(ctx, tok);
            let mut relation = relation;
            // "urged Khartoum to accept the truce", "will ask Slovakia to veto the
            // package": what one actor asks of another is the asker's stance (accepting
            // becomes a demand), and the one asked has taken none; a meeting asked for
            // has not happened.
            let requester = Some(v)
                .filter(|v| matches!(t.rel[*v], "xcomp" | "advcl") && t.case_of(*v) == Some("to") && passive.is_none())
                .and_then(|v| t.head(v))
                .filter(|h| REQUESTING.contains(&t.lemma(*h)) && !t.negated(*h))
                // ("visited Brussels to lobby the EU to drop the duties": the visitor lobbies.)
                .and_then(|h| t.kid(h, "nsubj").or_else(|| subject_of(t, h, 0)));
            if requester.is_some() {
                // (The word rules' cue may begin at the "to": "to meet".)
                silent.extend([tok, tok.saturating_sub(1)].into_iter().filter(|k| *k == tok || ctx.w(*k) == "to"));
            }
            let subjects = match requester {
                Some(_) if matches!(relation, Relation::Meets | Relation::Sends) => continue,
                Some(r) => {
                    if matches!(relation, Relation::Supports | Relation::Proposes) {
                        relation = Relation::Demands;
                    }
                    t.with_conjuncts(r)
                }
                None => subjects,
            };
            let mut holders = self.subjects(ctx, t, &subjects);
            // "the plan calls for the release of …", "the draft would require …": the
            // plan's owner proposes what the plan asks.
            if holders.is_empty() && matches!(relation, Relation::Demands | Relation::Proposes) {
                holders = subjects.iter().filter_map(|w| self.plan_owner(ctx, t, *w)).collect();
                relation = Relation::Proposes;
            }
            // "The general who led the effort to remove Bashir signed …", "a resolution
            // calling for a probe": a subject the parse reads as a thing, or a person
            // no actor names, holds no stance, and the word rules' nearest actor is not
            // it either.
            // (Only a subject a clause with an actor in it describes: "the prime
            // ministers signed" holds the word rules' pair, and "backers, blindsided by
            // the plan, rejected" the word rules' "European backers".)
            let described = |w: &usize| {
                // (Not the cue's own clause: "backers … rejecting X" read as a reduced
                // relative.)
                let mut stack = t.kids_with(*w, |r| r == "acl" || r == "acl:relcl");
                stack.retain(|k| *k != v);
                while let Some(k) = stack.pop() {
                    let tok = t.token[k];
                    if ctx.ms.iter().any(|m| m.first <= tok && tok <= m.last && m.is_actor()) {
                        return true;
                    }
                    stack.extend(t.kids[k].iter().copied());
                }
                false
            };
            if holders.is_empty()
                && !subjects.is_empty()
                && subjects.iter().all(|w| p.words[*w].upos == NOUN)
                && subjects.iter().any(described)
            {
                silent.push(tok);
            }
            let subjects = holders;
            // "welcomed Zelenskyy's commitment to a just peace", "rejected Moscow's demand
            // for X": a stance on a stance noun is a stance on what the noun is about.
            let objects: Vec<usize> = objects
                .into_iter()
                .map(|o| frame_content(t, o).or_else(|| self.news_content(t, o, relation)).unwrap_or(o))
                .collect();
            for o in objects {
                let Some(mut obj) = self.object_entity(ctx, t, o, relation) else { continue };
                // "recognised the State of Palestine": supports its recognition.
                if lemma.starts_with("recogni") && obj.is_actor() {
                    obj.entity = self.position_named(&format!("recognition of {}", obj.entity.label));
                }
                for s in &subjects {
                    out.push(found(s, relation, &obj, &cue, 0.75, modality, ctx));
                }
            }
        }
    }

    /// "X thanked Y for its leadership in securing the release of hostages", "praised
    /// Z for its support for a ceasefire": the thanker supports what it thanks for.
    fn thanks_for(&self, ctx: &Ctx, t: &Tree, out: &mut Vec<Found>) {
        for v in 0..t.p.words.len() {
            if t.p.words[v].upos != VERB || !THANKING.contains(&t.lemma(v)) || t.negated(v) || self.conditional(t, v) {
                continue;
            }
            let Some(n) = t.with_case(v, "for") else { continue };
            let Some(subj) = subject_of(t, v, 0) else { continue };
            let holders = self.subjects(ctx, t, &t.with_conjuncts(subj));
            if holders.is_empty() {
                continue;
            }
            // Through an effort noun to what the effort did: "his leadership in
            // securing X", read on the noun or (as the parser often has it) on the verb.
            let effort = EFFORT_NOUNS.contains(&t.lemma(n));
            let deed = effort
                .then(|| {
                    t.kids_with(n, |r| r == "acl" || r == "nmod")
                        .into_iter()
                        .chain(t.kids_with(v, |r| r == "advcl").into_iter().filter(|k| *k > n))
                        .find(|k| t.p.words[*k].upos == VERB && matches!(t.case_of(*k), Some("in" | "to" | "for")))
                })
                .flatten();
            // "thanked Biden for the support of the United States": the one thanked
            // (or the noun's "of" actor) supports what the support is for, else the
            // one who thanks.
            if SUPPORT_NOUNS.contains(&t.lemma(n)) {
                let of = t.kids_with(n, |r| r == "nmod").into_iter().find(|k| t.case_of(*k) == Some("of"));
                let giver = of
                    .and_then(|k| self.actor_at(ctx, t, k))
                    .or_else(|| t.kid(v, "obj").and_then(|o| self.actor_at(ctx, t, o)));
                let Some(giver) = giver else { continue };
                let content = frame_content(t, n).and_then(|c| self.object_entity(ctx, t, c, Relation::Supports));
                let tok = t.token[v];
                let cue = CueHit::on(ctx, tok, tok, Relation::Supports, Frame::Verb);
                let modality = self.modality(ctx, tok);
                for target in content.map_or(holders.clone(), |c| vec![c]) {
                    out.push(found(&giver, Relation::Supports, &target, &cue, 0.6, modality, ctx));
                }
                continue;
            }
            // (Only through an effort or a stance noun: "thanked X for a productive
            // start" or "for the support of the United States" names no position.)
            let Some(target) = deed.map(|d| descend(t, d)).or_else(|| frame_content(t, n)) else { continue };
            let (relation, target) = self.content(t, target).unwrap_or((Relation::Supports, target));
            let Some(obj) = self.object_entity(ctx, t, target, relation) else { continue };
            let tok = t.token[v];
            let cue = CueHit::on(ctx, tok, tok, Relation::Supports, Frame::Verb);
            let modality = self.modality(ctx, tok);
            for h in &holders {
                out.push(found(h, relation, &obj, &cue, 0.6, modality, ctx));
            }
        }
    }

    /// The actors subject words name; "the two leaders", "both", "they" with no actor
    /// of their own are the two sides of the entry's latest meeting.
    fn subjects(&self, ctx: &Ctx, t: &Tree, words: &[usize]) -> Vec<Mention> {
        let mut out = Vec::new();
        for &w in words {
            if names_pair(t, w) && !ctx.pair.is_empty() {
                out.extend(ctx.pair.iter().cloned());
            } else {
                // "Several allies, including Poland and Norway, welcomed …": the members a
                // group noun lists are subjects too.
                let listed = t.listed(w, &["include", "including", "like"]);
                let members: Vec<Mention> = listed.into_iter().filter_map(|k| self.actor_at(ctx, t, k)).collect();
                out.extend(self.actor_at(ctx, t, w).filter(|m| !members.iter().any(|x| x.entity.key == m.entity.key)));
                if t.p.words[w].upos == NOUN {
                    out.extend(members);
                }
            }
        }
        out
    }

    /// Claims carried by nouns: "U.S. support for Jordan", "Russia's demand for X",
    /// "the support of the G7 for X", "criticism from Ankara", "reaffirmed their
    /// commitment to a two-state solution", "talks between Seoul and Tokyo", "the
    /// Lisbon–Madrid meeting".
    fn noun_frames(&self, ctx: &Ctx, t: &Tree, out: &mut Vec<Found>, silent: &mut Vec<usize>) {
        let p = t.p;
        for n in 0..p.words.len() {
            if p.words[n].upos != NOUN {
                continue;
            }
            // ("a call for X" demands, "a call with X" meets: the frame whose preposition
            // the noun or its verb has.)
            let cases: Vec<&str> = t
                .kids_with(n, |r| r == "nmod" || r == "acl")
                .into_iter()
                .chain(
                    t.head(n)
                        .filter(|_| t.rel[n] == "obj")
                        .into_iter()
                        .flat_map(|v| t.kids_with(v, |r| r.starts_with("obl"))),
                )
                .filter_map(|k| t.case_of(k))
                .collect();
            let frames = || NOUN_FRAMES.iter().filter(|(l, ..)| *l == t.lemma(n));
            let Some(&(_, relation, preps)) =
                frames().find(|(_, _, p)| p.iter().any(|c| cases.contains(c))).or_else(|| frames().next())
            else {
                continue;
            };
            if self.conditional(t, n) {
                continue;
            }
            let tok = t.token[n];
            // "called on China to cease its support for X": a stance being ended is
            // held by no one the sentence names as holding it.
            if t.rel[n] == "obj" && t.head(n).is_some_and(|v| ENDING.contains(&t.lemma(v))) {
                silent.push(tok);
                continue;
            }
            let cue = CueHit::on(ctx, tok, tok, relation, Frame::Noun);
            let modality = self.modality(ctx, tok);
            if relation == Relation::Meets {
                // "will require further talks between A and B": not a meeting yet.
                if modality != Modality::Asserted {
                    continue;
                }
                self.meeting_noun(ctx, t, n, &cue, modality, out);
                continue;
            }
            // The holder: a possessor or a name modifying the noun ("Russia's", "U.S."),
            // "from X", an actor after "of" when the object has another preposition
            // ("the support of the United States for …"), else the subject of the verb
            // that has the noun as its object ("Biden reaffirmed support for …").
            let mut nmods = t.kids_with(n, |r| r == "nmod" || r == "acl");
            // "underscored our commitment to a two-state solution", with "to …" read as
            // the verb's: a phrase right after the noun is the noun's.
            if let Some(v) = t.head(n).filter(|_| t.rel[n] == "obj") {
                nmods.extend(
                    t.kids_with(v, |r| r.starts_with("obl") || matches!(r, "advcl" | "xcomp"))
                        .into_iter()
                        .filter(|k| t.kids[*k].iter().any(|c| matches!(t.rel[*c], "case" | "mark") && *c == n + 1)),
                );
            }
            // "a proposal made on Monday for the Council to lift sanctions": a participle
            // after the noun carries the noun's complements.
            for a in
                t.kids_with(n, |r| r == "acl").into_iter().filter(|a| t.xpos(*a) == "VBN" && t.kid(*a, "obj").is_none())
            {
                nmods.extend(t.kids_with(a, |r| r.starts_with("obl") || matches!(r, "advcl" | "xcomp")));
            }
            // ("a proposal for the Council to lift sanctions": what the actor after "for"
            // is to do is the content.)
            let for_to = nmods
                .iter()
                .copied()
                .find(|k| t.case_of(*k) == Some("for") && self.actor_at(ctx, t, *k).is_some())
                .and_then(|f| {
                    nmods.iter().copied().find(|k| *k > f && t.p.words[*k].upos == VERB && t.case_of(*k) == Some("to"))
                });
            // "the support of the United States": an actor after "of" holds the stance
            // when the noun has its article or another object; "in support of Kyiv" is
            // support for Kyiv.
            let has_article = t.kids[n].iter().any(|k| t.rel[*k] == "det" && t.lemma(*k) == "the");
            // ("demands to be included in the plan": a passive clause says what becomes
            // of the noun, not what it asks.)
            // ("Ankara's backing of the Brotherhood during the Arab Spring": with a
            // possessor, or with no other object, the actor after "of" is the object.)
            let possessor = t.kids[n].iter().any(|k| t.rel[*k] == "nmod:poss");
            let objects = nmods.iter().filter(|k| t.case_of(**k).is_some_and(|c| preps.contains(&c))).count();
            let object = nmods.iter().copied().find(|k| {
                t.case_of(*k).is_some_and(|c| preps.contains(&c))
                    && t.kid(*k, "aux:pass").is_none()
                    && !(t.case_of(*k) == Some("of")
                        && self.actor_at(ctx, t, *k).is_some()
                        && !possessor
                        && (objects > 1 || has_article))
            });
            let Some(o) = for_to.or(object) else { continue };
            // (Not a participle: "their continued support" has "their" alone.)
            let mut holders: Vec<usize> = t.kids_with(n, |r| matches!(r, "nmod:poss" | "compound" | "amod"));
            holders.retain(|h| t.p.words[*h].upos != VERB);
            holders.extend(nmods.iter().copied().filter(|k| *k != o && matches!(t.case_of(*k), Some("from" | "of"))));
            let holders: Vec<usize> = holders.into_iter().flat_map(|h| t.with_conjuncts(h)).collect();
            // "The President and the King affirmed their commitment to …": a pronoun
            // possessor is the subject of the verb the noun is the object of.
            let pronoun_only = !holders.is_empty() && holders.iter().all(|h| t.p.words[*h].upos == PRON);
            let mut subjects: Vec<Mention> = if pronoun_only {
                Vec::new()
            } else {
                holders.iter().filter_map(|h| self.actor_at(ctx, t, *h)).collect()
            };
            if subjects.is_empty() {
                // Only a verb that is no stance of its own passes the noun on: "Biden
                // reaffirmed support for …", but not "Saar dismissed calls for …".
                let governed = t.rel[n] == "obj" || t.rel[n] == "conj";
                // ("reaffirmed the importance of": "reaffirm" is a cue only in "reaffirmed
                // support for".)
                let neutral = |v: &usize| {
                    self.verb_lemmas.get(t.lemma(*v)).is_none_or(|cues| cues.iter().all(|(_, rest)| !rest.is_empty()))
                };
                if let Some(v) = t.head(n).filter(|_| governed).filter(neutral) {
                    if let Some(s) = subject_of(t, v, 0) {
                        subjects = self.subjects(ctx, t, &t.with_conjuncts(s));
                    }
                }
            }
            if subjects.is_empty() && pronoun_only {
                subjects = holders.iter().filter_map(|h| self.actor_at(ctx, t, *h)).collect();
            }
            if subjects.is_empty() {
                continue;
            }
            // "commitment to supporting the people of Ukraine": a cue verb inside the
            // noun's object says what the holder stands for.
            let (relation, o) = self.content(t, descend(t, o)).unwrap_or((relation, descend(t, o)));
            for o in t.object_conjuncts(o) {
                let Some(obj) = self.object_entity(ctx, t, o, relation) else { continue };
                for s in &subjects {
                    out.push(found(s, relation, &obj, &cue, 0.65, modality, ctx));
                }
            }
        }
    }

    /// "X said any deal must include Y", "X reiterated that Hamas must release all
    /// hostages": what the speaker says must or should be done is a demand.
    fn modal_demands(&self, ctx: &Ctx, t: &Tree, out: &mut Vec<Found>) {
        for v in 0..t.p.words.len() {
            if t.p.words[v].upos != VERB || !SAYING.contains(&t.lemma(v)) {
                continue;
            }
            let Some(subject) = t.kid(v, "nsubj") else { continue };
            let speakers = self.subjects(ctx, t, &t.with_conjuncts(subject));
            if speakers.is_empty() {
                continue;
            }
            for c in t.kids_with(v, |r| r == "ccomp") {
                let aux = |words: &[&str]| t.kids[c].iter().any(|k| t.rel[*k] == "aux" && words.contains(&t.lemma(*k)));
                // "lawmakers must understand that …": a thought, not a demand.
                let thought =
                    matches!(t.lemma(c), "understand" | "know" | "realize" | "realise" | "remember" | "see" | "be");
                // "agreed Ukraine and America will continue working to bring about X":
                // what they agree will be done, they support.
                let relation = if aux(&["must", "should"]) {
                    Relation::Demands
                } else if t.lemma(v) == "agree" && aux(&["will", "would"]) {
                    Relation::Supports
                } else {
                    continue;
                };
                if thought
                    || self.conditional(t, c)
                    || t.kids[c].iter().any(|k| t.rel[*k] == "advmod" && t.lemma(*k) == "not")
                {
                    continue;
                }
                // "must include X", "must have X": X is the demand; else the clause.
                // ("must continue the effort to make a ceasefire work": the effort.)
                let o = match t.kid(c, "obj") {
                    Some(obj) if matches!(t.lemma(c), "include" | "have" | "contain" | "guarantee" | "get") => obj,
                    _ if LIGHT_VERBS.contains(&t.lemma(c)) => descend(t, c),
                    _ => c,
                };
                let tok = t.token[c];
                let cue = CueHit::on(ctx, tok, tok, relation, Frame::Verb);
                let Some(obj) = self.object_entity(ctx, t, o, relation) else { continue };
                for s in &speakers {
                    out.push(found(s, relation, &obj, &cue, 0.6, Modality::Asserted, ctx));
                }
            }
        }
    }

    /// Judgements: "X called Y 'unbearable'", "X described the deal as historic",
    /// "Y is a direct affront to international norms, X said": a negative word about
    /// Y is criticism of it, a positive one support.
    fn evaluations(&self, ctx: &Ctx, t: &Tree, out: &mut Vec<Found>) {
        let judged = |w: usize| -> Option<Relation> {
            // ("one of the most hostile authorities": the noun after "one of".)
            let of = t.kids_with(w, |r| r == "nmod").into_iter().find(|k| t.case_of(*k) == Some("of"));
            let w = of.filter(|_| t.lemma(w) == "one").unwrap_or(w);
            let words = std::iter::once(w).chain(t.kids_with(w, |r| matches!(r, "amod" | "advmod" | "compound")));
            let mut relation = None;
            for k in words {
                // (A participle by its form too: "disappointing", not only "disappoint".)
                let (lemma, form) = (t.lemma(k), ctx.w(t.token[k]));
                if k == w && NEEDED.contains(&lemma) {
                    relation = Some(Relation::Demands);
                } else if NEGATIVE.contains(&lemma) || NEGATIVE.contains(&form) {
                    relation = Some(Relation::Criticizes);
                } else if (POSITIVE.contains(&lemma) || POSITIVE.contains(&form)) && relation.is_none() {
                    relation = Some(Relation::Supports);
                }
            }
            relation.filter(|_| !t.negated(w))
        };
        for v in 0..t.p.words.len() {
            let (holder, target, relation) = if t.p.words[v].upos == VERB && CALLING.contains(&t.lemma(v)) {
                // "called Y Z", "described Y as Z".
                // (Or Y read as the subject of Z, a small clause.)
                let small = t.kid(v, "xcomp").and_then(|x| t.kid(x, "nsubj"));
                let Some(target) = t.kid(v, "obj").or(small) else { continue };
                // (A quoted predicate after the object may be read as its modifier.)
                let predicate = t
                    .kid(v, "xcomp")
                    .or_else(|| {
                        t.kids_with(v, |r| r.starts_with("obl") || r == "advcl")
                            .into_iter()
                            .find(|k| t.case_of(*k) == Some("as"))
                    })
                    .or_else(|| t.kids_with(target, |r| r == "amod").into_iter().find(|a| *a > target))
                    .or_else(|| t.kids_with(target, |r| r == "nmod").into_iter().find(|k| t.case_of(*k) == Some("as")))
                    // ("called the move "deeply disappointing"", the participle read as a clause.)
                    .or_else(|| {
                        t.kids_with(v, |r| r == "advcl").into_iter().find(|k| *k > target && judged(*k).is_some())
                    });
                let Some(relation) = predicate.and_then(judged) else { continue };
                let Some(holder) = subject_of(t, v, 0) else { continue };
                (holder, target, relation)
            } else if t.kids[v]
                .iter()
                .any(|k| t.rel[*k] == "cop" || t.rel[*k] == "aux:pass" && NEEDED.contains(&t.lemma(v)))
            {
                // "Y is unacceptable, X said" / "X said Y is unacceptable"; not "Y could
                // be helpful", a judgement of what might be.
                let hypothetical = t.kids[v]
                    .iter()
                    .any(|k| t.rel[*k] == "aux" && matches!(t.lemma(*k), "could" | "would" | "might" | "may"));
                let Some(relation) = judged(v).filter(|_| !hypothetical) else { continue };
                let Some(target) = t.kid(v, "nsubj").or_else(|| t.kid(v, "nsubj:pass")) else { continue };
                let say = if t.rel[v] == "ccomp" { t.head(v).filter(|h| SAYING.contains(&t.lemma(*h))) } else { None };
                let say = say.or_else(|| {
                    t.kids_with(v, |r| r == "parataxis").into_iter().find(|k| SAYING.contains(&t.lemma(*k)))
                });
                let Some(holder) = say.and_then(|s| t.kid(s, "nsubj")) else { continue };
                (holder, target, relation)
            } else {
                continue;
            };
            if self.conditional(t, v) {
                continue;
            }
            // "called Ford's comments insulting": a judgement of what someone said or did
            // is one of them.
            let target = t
                .kid(target, "nmod:poss")
                .filter(|o| REMARKS.contains(&t.lemma(target)) && self.actor_at(ctx, t, *o).is_some())
                .unwrap_or(target);
            self.predicate_claims(ctx, t, v, holder, target, relation, out);
        }
    }

    /// The claims of a predicate `v` (a judgement, a side taken): each actor `holder`
    /// names takes `relation` on what `target` names.
    #[allow(clippy::too_many_arguments)]
    fn predicate_claims(
        &self,
        ctx: &Ctx,
        t: &Tree,
        v: usize,
        holder: usize,
        target: usize,
        relation: Relation,
        out: &mut Vec<Found>,
    ) {
        let holders = self.subjects(ctx, t, &t.with_conjuncts(holder));
        if holders.is_empty() {
            return;
        }
        let Some(obj) = self.object_entity(ctx, t, target, relation) else { return };
        let tok = t.token[v];
        let cue = CueHit::on(ctx, tok, tok, relation, Frame::Adj);
        let modality = self.modality(ctx, tok);
        for h in &holders {
            out.push(found(h, relation, &obj, &cue, 0.6, modality, ctx));
        }
    }

    /// "talks between A and B", "the A–B meeting", "A's talks with B": the two sides.
    fn meeting_noun(&self, ctx: &Ctx, t: &Tree, n: usize, cue: &CueHit, modality: Modality, out: &mut Vec<Found>) {
        let mut sides: Vec<Mention> = Vec::new();
        fn add(sides: &mut Vec<Mention>, m: Mention) {
            if !sides.iter().any(|s| s.entity.key == m.entity.key) {
                sides.push(m);
            }
        }
        for k in t.kids_with(n, |r| r == "nmod") {
            if matches!(t.case_of(k), Some("between" | "among")) {
                for c in t.with_conjuncts(k) {
                    if let Some(m) = self.actor_at(ctx, t, c) {
                        add(&mut sides, m);
                    }
                }
            }
        }
        // "Modi's visit to Mauritius", "a visit by Modi to Mauritius": the visitor and
        // the state visited (a place here, as "to" makes it).
        if matches!(t.lemma(n), "visit" | "trip") {
            let visitor = t
                .kids_with(n, |r| r == "nmod:poss")
                .into_iter()
                .chain(t.kids_with(n, |r| r == "nmod").into_iter().filter(|k| t.case_of(*k) == Some("by")))
                .find_map(|k| self.actor_at(ctx, t, k));
            let visited =
                t.kids_with(n, |r| r == "nmod").into_iter().filter(|k| t.case_of(*k) == Some("to")).find_map(|k| {
                    let tok = t.token[k];
                    ctx.ms
                        .iter()
                        .find(|m| {
                            m.first <= tok
                                && tok <= m.last
                                && matches!(m.entity.kind, EntityKind::State | EntityKind::Organization)
                        })
                        .cloned()
                });
            if let (Some(a), Some(b)) = (visitor, visited) {
                if a.entity.key != b.entity.key {
                    out.push(found(&a, Relation::Meets, &b, cue, 0.6, modality, ctx));
                }
            }
            return;
        }
        // "Trump's call with Putin", "briefed Kyiv on his conversation with Putin": the
        // possessor (a pronoun's, the subject of the clause) meets whoever it was with.
        let guests: Vec<Mention> = t
            .kids_with(n, |r| r == "nmod")
            .into_iter()
            .filter(|k| t.case_of(*k) == Some("with"))
            .flat_map(|k| t.with_conjuncts(k))
            .filter_map(|k| self.actor_at(ctx, t, k))
            .collect();
        let owner = t.kids_with(n, |r| r == "nmod:poss").into_iter().find_map(|k| {
            let clause_subject = || t.head(n).and_then(|v| subject_of(t, v, 0)).and_then(|s| self.actor_at(ctx, t, s));
            if t.p.words[k].upos == PRON {
                clause_subject().or_else(|| self.actor_at(ctx, t, k))
            } else {
                self.actor_at(ctx, t, k)
            }
        });
        if let (Some(owner), false) = (owner, guests.is_empty()) {
            // (A meeting told of as a topic, "briefed Kyiv on his call with X", is not the
            // meeting later sentences' "the two leaders" are the sides of.)
            let conf = if matches!(t.rel[n], "obl" | "nmod") { REPORTED_MEETING } else { 0.65 };
            for g in guests.iter().filter(|g| g.entity.key != owner.entity.key) {
                out.push(found(&owner, Relation::Meets, g, cue, conf, modality, ctx));
            }
            return;
        }
        // "the Lisbon-Madrid meeting", "US-China talks": names modifying the noun.
        let modifiers = t.kids_with(n, |r| matches!(r, "compound" | "amod" | "nmod:poss"));
        let tok_range = modifiers.iter().map(|m| t.token[*m]).chain([t.token[n]]).collect::<Vec<_>>();
        let (lo, hi) = (tok_range.iter().min().copied().unwrap_or(0), t.token[n]);
        for m in ctx.ms.iter().filter(|m| m.first >= lo && m.last < hi && m.is_actor() && !m.locative) {
            add(&mut sides, m.clone());
        }
        // "A and B held a meeting", "A had a phone conversation with B": the subjects
        // of the verb that holds the meeting, and whoever it was with.
        let held = t.rel[n] == "obj"
            && t.head(n)
                .is_some_and(|v| matches!(t.lemma(v), "hold" | "have" | "conclude" | "begin" | "start" | "open"));
        if held && sides.is_empty() {
            let v = t.head(n).expect("held");
            if let Some(subj) = subject_of(t, v, 0) {
                let hosts = self.subjects(ctx, t, &t.with_conjuncts(subj));
                // (The "with" read as the verb's: "held a call with Prime Minister Carney".)
                let guests: Vec<Mention> = t
                    .kids_with(n, |r| r == "nmod")
                    .into_iter()
                    .chain(t.kids_with(v, |r| r == "obl").into_iter().filter(|k| *k > n))
                    .filter(|k| t.case_of(*k) == Some("with"))
                    .flat_map(|k| t.with_conjuncts(k))
                    .filter_map(|k| self.actor_at(ctx, t, k))
                    .collect();
                if guests.is_empty() {
                    hosts.into_iter().for_each(|h| add(&mut sides, h));
                } else {
                    for h in &hosts {
                        for g in &guests {
                            if h.entity.key != g.entity.key {
                                out.push(found(h, Relation::Meets, g, cue, 0.65, modality, ctx));
                            }
                        }
                    }
                    return;
                }
            }
        }
        if sides.len() < 2 {
            return;
        }
        let (a, rest) = sides.split_first().expect("two sides");
        for b in rest {
            out.push(found(a, Relation::Meets, b, cue, 0.65, modality, ctx));
        }
    }

    /// "welcomed the announcement that Kyiv had agreed to a ceasefire": welcoming news
    /// of a stance supports what the stance is about.
    fn news_content(&self, t: &Tree, o: usize, relation: Relation) -> Option<usize> {
        if relation != Relation::Supports
            || !matches!(t.lemma(o), "announcement" | "news" | "decision" | "confirmation" | "word")
        {
            return None;
        }
        let clause = t.kids_with(o, |r| matches!(r, "acl" | "acl:relcl" | "ccomp")).into_iter().find(|k| {
            t.p.words[*k].upos == VERB
                && t.kids[*k].iter().any(|c| t.lemma(*c) == "that" && matches!(t.rel[*c], "mark" | "obj" | "nsubj"))
        })?;
        if t.negated(clause) {
            return None;
        }
        // The object of a support cue of the clause's verb ("agreed to X"). (The parser
        // may read "that" as a relative pronoun: the clause's own object.)
        let obj = self.verb_lemmas.get(t.lemma(clause))?.iter().filter(|(r, _)| *r == Relation::Supports).find_map(
            |(_, rest)| match rest.as_slice() {
                [] => t.kid(clause, "obj").filter(|k| t.lemma(*k) != "that"),
                [prep] => t.with_case(clause, prep),
                _ => None,
            },
        )?;
        Some(descend(t, obj))
    }

    /// What a cue verb inside an object says: "supporting X" → supports X.
    fn content(&self, t: &Tree, o: usize) -> Option<(Relation, usize)> {
        if t.p.words[o].upos != VERB {
            return None;
        }
        let (relation, rest) = self.verb_lemmas.get(t.lemma(o))?.iter().find(|(_, rest)| rest.is_empty())?;
        let obj = object_of(t, o, rest, *relation)?;
        Some((*relation, descend(t, obj)))
    }

    /// Whether the verb is a condition or an open question ("if Kyiv accepts", "whether
    /// Moscow would agree"), itself or the clause it heads up to two levels up.
    fn conditional(&self, t: &Tree, v: usize) -> bool {
        // A noun's condition is on the clause it is an argument of.
        let v = if matches!(t.rel[v], "nsubj" | "obj" | "nsubj:pass") { t.head(v).unwrap_or(v) } else { v };
        let mut cur = Some(v);
        for _ in 0..3 {
            let Some(w) = cur else { break };
            if t.kids[w].iter().any(|k| t.rel[*k] == "mark" && matches!(t.lemma(*k), "if" | "whether" | "unless")) {
                return true;
            }
            if !matches!(t.rel[w], "xcomp" | "conj" | "ccomp" | "advcl") {
                break;
            }
            cur = t.head(w);
        }
        false
    }

    /// The owner of the plan a word belongs to ("Trump's plan", "the Egyptian
    /// proposal"), as a mention spanning the plan.
    fn plan_owner(&self, ctx: &Ctx, t: &Tree, w: usize) -> Option<Mention> {
        let tok = t.token[w];
        let plan = ctx.ms.iter().find(|m| m.first <= tok && tok <= m.last && m.role == Role::Position)?;
        let key = plan.owner.as_deref()?;
        if let Some(m) = ctx.ms.iter().find(|m| m.entity.key == key && m.first >= plan.first && m.last <= plan.last) {
            return Some(m.clone());
        }
        let record = self.gaz.index_of(key)?;
        Some(Mention::at(self.gaz.entity(record), Role::Name, plan.span, plan.first, plan.last))
    }

    /// The actor mention a word belongs to, if any.
    fn actor_at(&self, ctx: &Ctx, t: &Tree, w: usize) -> Option<Mention> {
        let at = |w: usize| {
            let tok = t.token[w];
            ctx.ms.iter().find(|m| m.first <= tok && tok <= m.last && m.is_actor() && !m.locative).cloned()
        };
        // "General Secretary Tô Lâm", read with the title as head: the name hangs below.
        // ("his French counterpart Emmanuel Macron": a name after a role noun, with no
        // preposition between.)
        // A name after the noun goes before a modifier ("Argentine") in front of it.
        at(w)
            .or_else(|| {
                // (Not across a preposition: "his summit with North Korean leader Kim".)
                let across = |k: usize| (w + 1..k).any(|b| t.p.words[b].upos == ADP);
                let after = t.kids_with(w, |r| matches!(r, "flat" | "appos" | "nmod"));
                let after = after
                    .into_iter()
                    .filter(|k| *k > w && (t.rel[*k] != "nmod" || t.case_of(*k).is_none() && !across(*k)));
                // A name compounded into a common noun is that noun's actor only where the
                // noun is a role or a body ("the Trump administration", "Kremlin officials"),
                // not a thing of its own ("the BRICS partnership", "a Gaza ceasefire").
                let word = ctx.w(t.token[w]);
                let stands_for_name = t.p.words[w].upos != NOUN
                    || [word, t.lemma(w)].iter().any(|x| {
                        is_in(ROLE_NOUNS, x)
                            || is_in(STATE_DESCRIPTIONS, x)
                            || is_in(ORG_DESCRIPTIONS, x)
                            || is_in(&TITLES, x)
                    });
                let before = t.kids_with(w, |r| r == "compound").into_iter().filter(|_| stands_for_name);
                after.chain(t.kids_with(w, |r| matches!(r, "flat" | "appos"))).chain(before).find_map(at)
            })
            // "The envoy Geir Pedersen called for …", read as two subjects: the role noun's
            // name is the person right after it.
            .or_else(|| {
                let next = w + 1;
                (t.p.words[w].upos == NOUN
                    && t.rel[w].starts_with("nsubj")
                    && next < t.p.words.len()
                    && t.p.words[next].upos == PROPN)
                    .then(|| at(next))
                    .flatten()
                    .filter(|m| m.entity.kind == EntityKind::Person)
            })
    }

    /// What an object word names: an actor, a position the gazetteer or the plan rules
    /// found there, or the noun phrase itself as a new position.
    fn object_entity(&self, ctx: &Ctx, t: &Tree, o: usize, relation: Relation) -> Option<Mention> {
        let tok = t.token[o];
        // "It was welcomed by Jordan": a stance's "it" is the topic of the sentence
        // before (a plan, a deal), not a state.
        if t.lemma(o) == "it" && !matches!(relation, Relation::Meets | Relation::Sends | Relation::Criticizes) {
            return ctx.prev_topic.clone().filter(|m| m.role == Role::Position);
        }
        // (The longest mention there: "the Libyan Government of National Accord" is the
        // organisation, not the Libyan government.)
        let covering = ctx.ms.iter().filter(|m| m.first <= tok && tok <= m.last && !m.locative);
        let named = covering.rev().max_by_key(|m| m.last - m.first).cloned();
        if let Some(m) = named.or_else(|| self.actor_at(ctx, t, o)).as_ref() {
            if matches!(relation, Relation::Meets | Relation::Sends) && !m.is_actor() {
                return None;
            }
            if m.is_actor() || m.role == Role::Position {
                let actor_ok =
                    matches!(relation, Relation::Meets | Relation::Sends | Relation::Criticizes | Relation::Supports);
                if m.is_actor() && !actor_ok {
                    return None;
                }
                // "support for a unified Cyprus": a state as it should be is a position.
                let as_it_should_be = t
                    .kids_with(o, |r| r == "amod")
                    .iter()
                    .any(|a| STATE_ADJECTIVES.contains(&ctx.w(t.token[*a])) && t.token[*a] < m.first);
                if m.is_actor() && as_it_should_be && !matches!(relation, Relation::Meets | Relation::Sends) {
                    if let Some(p) = self.phrase_mention(ctx, t, o) {
                        return Some(p);
                    }
                }
                // "a partial ceasefire against energy": a known position with words of
                // its own around it is that more particular position.
                // (Not a word that only says where the position stands: "the proposed
                // buffer zone" is the buffer zone.)
                if m.role == Role::Position && self.gaz.index_of(&m.entity.key).is_some() {
                    let particular = |p: &Mention| {
                        (p.first..=p.last).any(|k| {
                            (k < m.first || k > m.last)
                                && !STATUS_WORDS.contains(&ctx.w(k))
                                && !is_in(&JUNK_HEADS, ctx.w(k))
                        })
                    };
                    if let Some(p) = self.phrase_mention(ctx, t, o).filter(particular) {
                        return Some(p);
                    }
                }
                return Some(m.clone());
            }
        }
        if matches!(relation, Relation::Meets | Relation::Sends) {
            return None;
        }
        // "veto the opening of accession talks": a noun that only frames another is the
        // known position it frames.
        if FRAMING_NOUNS.contains(&t.lemma(o)) {
            let framed = t.kids_with(o, |r| r == "nmod").into_iter().find(|k| t.case_of(*k) == Some("of"));
            let known = framed.and_then(|k| {
                ctx.ms.iter().find(|m| m.first <= t.token[k] && t.token[k] <= m.last && m.role == Role::Position)
            });
            if let Some(m) = known.filter(|m| self.gaz.index_of(&m.entity.key).is_some()) {
                return Some(m.clone());
            }
        }
        let phrase = self.phrase_mention(ctx, t, o)?;
        // "demanded a cap of 85,000 troops", "agreed to cap its army at 250,000": a
        // phrase holding an amount the quantity rules named is that amount's position.
        let amount = ctx.ms.iter().find(|m| {
            m.role == Role::Position
                && phrase.first <= m.first
                && m.last <= phrase.last
                && super::phrases::number_at(ctx, m.first).is_some()
                && self.gaz.index_of(&m.entity.key).is_none()
        });
        Some(amount.cloned().unwrap_or(phrase))
    }

    /// The noun phrase `o` heads, as a new position (or the known one it names).
    fn phrase_mention(&self, ctx: &Ctx, t: &Tree, o: usize) -> Option<Mention> {
        self.phrase_mention_with(ctx, t, o, true)
    }

    /// [`Self::phrase_mention`]; `subject`: whether a clause keeps its subject.
    fn phrase_mention_with(&self, ctx: &Ctx, t: &Tree, o: usize, subject: bool) -> Option<Mention> {
        let tok = t.token[o];
        let word = &t.p.words[o];
        if matches!(word.upos, PRON | NUM) || (word.upos != NOUN && word.upos != PROPN && word.upos != VERB) {
            return None;
        }
        // (A vague head with a word of its own before it is a phrase: "the mining deal",
        // "a nuclear deal"; not "the deal", "the new deal".)
        let own_word = t.kids_with(o, |r| matches!(r, "compound" | "amod")).into_iter().any(|k| {
            let w = ctx.w(t.token[k]);
            k < o
                && matches!(t.p.words[k].upos, NOUN | ADJ)
                && w.chars().all(|c| c.is_lowercase() || c == '-')
                && !is_in(&JUNK_HEADS, w)
                && !STATUS_WORDS.contains(&w)
        });
        // ("the ceasefire proposal": a vague head about a known position is that position.)
        if is_in(&JUNK_HEADS, &word.lemma) || is_in(&JUNK_HEADS, ctx.w(tok)) {
            let about = t.kids_with(o, |r| r == "compound").into_iter().find_map(|k| {
                ctx.ms.iter().find(|m| {
                    m.role == Role::Position && m.first <= t.token[k] && t.token[k] <= m.last && m.last + 1 == tok
                })
            });
            if let Some(m) = about {
                return Some(m.clone());
            }
        }
        let partitive =
            matches!(word.lemma.as_str(), "part" | "lot" | "majority" | "number" | "size" | "rest" | "half" | "bulk");
        if (is_in(&JUNK_HEADS, &word.lemma) || is_in(&JUNK_HEADS, ctx.w(tok))) && (!own_word || partitive) {
            return None;
        }
        let mut words = Vec::new();
        // "demanded that Rwanda withdraw its troops": a clause keeps its subject (not a
        // predicate's holder: "farmers are against the quotas, the union said").
        // ("Moscow insisted that Russia must remain involved": not the holder itself.)
        let mut with_subject = false;
        if subject && t.rel[o] == "ccomp" && t.kid(o, "cop").is_none() {
            if let Some(s) = t.kid(o, "nsubj") {
                let holder = t.head(o).and_then(|v| subject_of(t, v, 0)).and_then(|h| self.actor_at(ctx, t, h));
                let itself = holder.zip(self.actor_at(ctx, t, s)).is_some_and(|(a, b)| a.entity.key == b.entity.key);
                if !itself {
                    t.phrase(s, &mut words);
                    with_subject = true;
                }
            }
        }
        t.phrase(o, &mut words);
        // "a durable, lasting peace", with the first adjective read as the noun: the
        // phrase runs on through the other modifiers to the noun.
        let mut reach = o;
        let adjective_like = ["able", "ible", "ous", "ful"].iter().any(|s| ctx.w(tok).ends_with(s));
        if word.upos == NOUN && adjective_like && t.p.words.get(o + 1).is_some_and(|w| w.lemma == ",") {
            let noun = (o + 2..(o + 5).min(t.p.words.len())).find(|k| t.p.words[*k].upos == NOUN);
            let modifiers =
                |n: usize| (o + 2..n).all(|k| matches!(t.p.words[k].upos, ADJ | VERB | CCONJ | PUNCT | ADV));
            if let Some(n) = noun.filter(|n| modifiers(*n)) {
                words.extend(o + 1..=n);
                reach = n;
            }
        }
        // "urged the end to a tariff fight", with "to …" read as the verb's: a phrase
        // right after the object that only a noun takes is the object's.
        if let Some(v) = t.head(o).filter(|_| t.rel[o] == "obj") {
            let end = words.iter().copied().max().unwrap_or(o);
            for k in t.kids_with(v, |r| r.starts_with("obl")) {
                // (A carrier verb's phrase is its object's: "maintaining peace and
                // stability in the Indo-Pacific".)
                let takes = match t.case_of(k) {
                    Some("of") => true,
                    Some("to") => TO_NOUNS.contains(&t.lemma(o)),
                    Some("in" | "on" | "for" | "across" | "throughout" | "between") => {
                        CARRIER_VERBS.contains(&t.lemma(v))
                    }
                    _ => false,
                };
                let mut pp = Vec::new();
                t.phrase_at(k, &mut pp, false, 1);
                if takes && pp.iter().min() == Some(&(end + 1)) {
                    words.extend(pp);
                }
            }
        }
        words.sort_unstable();
        words.dedup();
        // Leading determiners, possessives, "to" and "that" are not part of the label.
        // ("a just peace": an adverb the tagger reads there stays.)
        let skip = |w: usize| {
            let adverb = t.rel[w] == "advmod"
                && (matches!(
                    t.lemma(w),
                    "also"
                        | "only"
                        | "even"
                        | "still"
                        | "again"
                        | "further"
                        | "now"
                        | "then"
                        | "immediately"
                        | "once"
                        | "already"
                ) || t.lemma(w).ends_with("ly") && t.p.words[w].upos == ADV);
            // A possessor stays ("Russia's escalation of forces"), a pronoun one not.
            // (Nor a date: "Tuesday's announcement" is the announcement.)
            let pronoun_possessor = t.rel[w] == "nmod:poss"
                && (t.p.words[w].upos == PRON || is_in(&NOT_NAMES, t.lemma(w)) || is_in(&NOT_NAMES, ctx.w(t.token[w])));
            matches!(t.rel[w], "det" | "mark" | "case" | "cc" | "aux" | "cop") && w < o
                || (pronoun_possessor || adverb) && w < o
                || (t.rel[w] == "case" && t.lemma(w) == "'s")
        };
        let first = words.iter().copied().find(|w| !skip(*w))?;
        // The phrase ends at punctuation ("…, according to", a closing quote), not at a
        // hyphen or slash inside it ("30-day").
        // (An opening quote inside it does not end it: "a “credible and inclusive”
        // government".)
        let is_break = |w: usize| {
            let text = ctx.text.get(t.p.words[w].start..t.p.words[w].end);
            let glued =
                ctx.text.get(t.p.words[w].end..).and_then(|r| r.chars().next()).is_some_and(char::is_alphanumeric);
            let opening = matches!(text, Some("“" | "‘")) || text == Some("\"") && glued;
            t.p.words[w].upos == PUNCT && !matches!(text, Some("-" | "/" | "‑")) && !opening
        };
        let kept: Vec<usize> =
            // (Commas before the head join its modifiers: "a durable, lasting peace".)
            words.into_iter().filter(|w| *w >= first).take_while(|w| *w <= reach || !is_break(*w)).take(10).collect();
        let mut kept = kept;
        // Contiguous words only: a gap means a clause was left out.
        if let Some(gap) = kept.windows(2).position(|p| p[1] != p[0] + 1) {
            kept.truncate(gap + 1);
        }
        // A list cut short ends before the conjunction whose conjunct it lost ("…
        // transitional government", not "… government and a").
        let dangling = |l: usize| t.heads[l].is_some_and(|h| h > l && !kept.contains(&h)) && l != o;
        let tail = kept.iter().rev().take_while(|l| dangling(**l)).count();
        if tail > 0 && tail < kept.len() && matches!(t.rel[kept[kept.len() - tail]], "cc" | "punct") {
            kept.truncate(kept.len() - tail);
        }
        // ("demanded that Ottawa "must drop the tariff"": a subject cut off from its
        // verb by a quote leaves the verb's phrase alone.)
        if with_subject && !kept.contains(&o) {
            return self.phrase_mention_with(ctx, t, o, false);
        }
        let mut last = *kept.last()?;
        // A hyphenated word is not cut in two ("a free and open Indo-Pacific").
        while last + 2 < t.p.words.len()
            && t.p.words[last + 1].start == t.p.words[last].end
            && ctx.text.get(t.p.words[last + 1].start..t.p.words[last + 1].end) == Some("-")
            && t.p.words[last + 2].start == t.p.words[last + 1].end
        {
            last += 2;
        }
        // A lone verb ("agreed to work") names no position.
        if first == last && t.p.words[first].upos == VERB {
            return None;
        }
        let (a, b) = (t.p.words[first].start, t.p.words[last].end);
        let label = ctx.text.get(a..b)?.replace(['“', '”', '"'], "").split_whitespace().collect::<Vec<_>>().join(" ");
        if label.split_whitespace().count() > 12 || label.chars().count() < 3 {
            return None;
        }
        let entity = self.position_named(label.trim_matches(|c: char| !c.is_alphanumeric()));
        let (f, l) = (t.token[first], t.token[last]);
        Some(Mention::at(entity, Role::Position, Span::new(a, b), f, l))
    }
}

/// Prepositions of a verb's time and circumstances, which a position named by the verb
/// leaves out.
const CIRCUMSTANTIAL: &[&str] =
    &["after", "before", "during", "since", "until", "till", "amid", "amidst", "despite", "following", "ahead", "upon"];

/// Prepositions that only date a noun: "a moratorium after the storm".
const DATING: &[&str] = &["after", "amid", "amidst", "despite", "following", "upon", "since"];

/// Verbs of thanks and praise for something done ("thanked X for Y").
const THANKING: &[&str] = &["thank", "praise", "commend", "applaud", "credit", "hail", "laud"];

/// Nouns for someone's effort, which stand for what the effort did ("his leadership in
/// securing the release").
const EFFORT_NOUNS: &[&str] = &["leadership", "effort", "efforts", "work", "role", "help", "contribution", "mediation"];

/// Nouns that take a phrase with "to" of their own ("an end to the war", "a return to
/// talks").
const TO_NOUNS: &[&str] = &[
    "end", "halt", "solution", "return", "access", "approach", "transition", "threat", "path", "road", "commitment",
    "response", "settlement", "resolution", "alternative", "aid", "assistance", "contribution", "extension",
    "amendment", "change", "changes", "pathway", "route", "exception", "exemption",
];

/// Verbs of speaking about something: refusing to do them is no stance on it.
pub(super) const SPEAKING: &[&str] = &[
    "comment", "discuss", "say", "answer", "elaborate", "confirm", "speculate", "respond", "reveal", "disclose",
    "specify", "detail", "name", "address", "talk", "explain", "identify", "deny",
];

/// What someone says or does, judged as a judgement of them ("Ford's comments").
const REMARKS: &[&str] = &[
    "comment", "remark", "statement", "word", "rhetoric", "behavior", "behaviour", "conduct", "tweet", "post",
    "speech", "language", "attack", "outburst",
];

/// Verbs that judge their object by a predicate: "called Y unbearable".
const CALLING: &[&str] =
    &["call", "describe", "label", "brand", "term", "deem", "dub", "consider", "characterize", "characterise"];

/// Words that judge what they are said of badly (criticism) …
const NEGATIVE: &[&str] = &[
    "unacceptable", "unbearable", "egregious", "insulting", "abusive", "hostile", "baseless", "absurd", "ridiculous",
    "outrageous", "disappointing", "illegal", "unjust", "dangerous", "provocative", "reckless", "irresponsible",
    "affront", "disgrace", "mistake", "violation", "betrayal", "aggressor", "shameful", "appalling", "deplorable",
    "unfair", "destabilizing", "destabilising", "disgraceful", "horrific", "barbaric", "cruel", "rubbish", "nonsense",
    "lie", "propaganda", "hypocrisy", "sabotage", "blackmail", "unlawful", "nasty", "futile", "counterproductive",
    "unhelpful", "regrettable", "bully", "clumsy", "unthinking", "misguided", "flawed", "unworkable", "unrealistic",
    "cynical", "damaging", "harmful", "inhumane", "unwise", "unconstitutional", "shortsighted", "short-sighted",
    "disastrous", "catastrophic", "wrong",
];

/// Adjectives that take a side on what their preposition introduces.
const SIDE_PREDICATES: &[(&str, Relation, &str)] = &[
    ("opposed", Relation::Rejects, "to"),
    ("supportive", Relation::Supports, "of"),
    ("critical", Relation::Criticizes, "of"),
    ("hostile", Relation::Criticizes, "to"),
    // "X is the most prominent critic of Y", "a staunch supporter of Y".
    ("critic", Relation::Criticizes, "of"),
    ("opponent", Relation::Rejects, "of"),
    ("supporter", Relation::Supports, "of"),
    ("proponent", Relation::Supports, "of"),
    ("advocate", Relation::Supports, "of"),
    ("champion", Relation::Supports, "of"),
    ("backer", Relation::Supports, "of"),
];

/// Verbs that end or curb what they take: a stance noun under them is not held.
const ENDING: &[&str] = &[
    "cease", "stop", "end", "halt", "limit", "curb", "cut", "reduce", "withdraw", "abandon", "drop", "suspend",
    "freeze", "scale", "lose", "deny", "question",
];

/// Nouns of help given ("thanked X for the support of the United States").
const SUPPORT_NOUNS: &[&str] = &["support", "help", "assistance", "solidarity", "backing", "aid"];

/// Adjectives that make a state a position: "a unified Cyprus", "a free Ukraine".
const STATE_ADJECTIVES: &[&str] = &[
    "unified", "united", "reunified", "free", "independent", "sovereign", "democratic", "stable", "secure", "neutral",
    "prosperous", "peaceful", "whole", "demilitarized", "demilitarised", "denuclearized", "nuclear-free",
];

/// The word lists the predicate rules (`evaluations`, `side_predicates`) trigger on.
const PREDICATE_WORDS: &[&[&str]] = &[NEGATIVE, POSITIVE, NEEDED, SIDE_WORDS];

/// The words that head a side predicate (see `side_predicates`).
const SIDE_WORDS: &[&str] = &[
    "opposed", "supportive", "critical", "hostile", "against", "favor", "favour", "critic", "opponent", "supporter",
    "proponent", "advocate", "champion", "backer",
];

/// … or as needed ("a firm response was urgently needed, X said": a demand).
const NEEDED: &[&str] = &["need", "necessary", "essential", "vital", "imperative", "indispensable", "urgent"];

/// … or well (support).
const POSITIVE: &[&str] = &[
    "positive", "encouraging", "welcome", "historic", "constructive", "productive", "excellent", "fantastic",
    "helpful", "promising", "breakthrough", "milestone", "success", "landmark", "valuable", "useful", "beneficial",
    "commendable", "sensible",
];

/// Verbs that report what someone holds: "X said/stressed that Y must …".
const SAYING: &[&str] = &[
    "say", "reiterate", "stress", "insist", "emphasize", "emphasise", "underscore", "warn", "tell", "add", "note",
    "argue", "declare", "affirm", "reaffirm", "state", "maintain", "write", "tweet", "agree",
];

/// Nouns that carry a claim, with the prepositions that introduce its object.
const NOUN_FRAMES: &[(&str, Relation, &[&str])] = &[
    ("support", Relation::Supports, &["for", "of", "to"]),
    ("backing", Relation::Supports, &["for", "of"]),
    ("commitment", Relation::Supports, &["to"]),
    ("endorsement", Relation::Supports, &["of"]),
    ("opposition", Relation::Rejects, &["to"]),
    ("rejection", Relation::Rejects, &["of"]),
    ("demand", Relation::Demands, &["for", "to"]),
    ("request", Relation::Demands, &["for", "to"]),
    ("call", Relation::Demands, &["for", "to"]),
    ("criticism", Relation::Criticizes, &["of"]),
    ("condemnation", Relation::Criticizes, &["of"]),
    ("proposal", Relation::Proposes, &["for", "to"]),
    ("bid", Relation::Demands, &["to", "for"]),
    ("offer", Relation::Proposes, &["of", "to"]),
    ("readiness", Relation::Supports, &["to", "for"]),
    ("willingness", Relation::Supports, &["to"]),
    ("pledge", Relation::Supports, &["to", "of"]),
    ("praise", Relation::Supports, &["for"]),
    ("insistence", Relation::Demands, &["on"]),
    ("importance", Relation::Supports, &["of"]),
    ("need", Relation::Demands, &["for", "to"]),
    ("concern", Relation::Criticizes, &["about", "over", "with", "regarding", "at"]),
    ("determination", Relation::Supports, &["to"]),
    ("push", Relation::Demands, &["for"]),
    ("appeal", Relation::Demands, &["for"]),
    ("objection", Relation::Rejects, &["to"]),
    ("refusal", Relation::Rejects, &["to"]),
    ("talks", Relation::Meets, &["with"]),
    ("talk", Relation::Meets, &["with"]),
    ("meeting", Relation::Meets, &["with"]),
    ("summit", Relation::Meets, &["with"]),
    ("call", Relation::Meets, &["with"]),
    ("discussion", Relation::Meets, &["with"]),
    ("negotiation", Relation::Meets, &["with"]),
    ("conversation", Relation::Meets, &["with"]),
    ("visit", Relation::Meets, &["to"]),
    ("trip", Relation::Meets, &["to"]),
];

/// The object of a stance noun ("commitment" in "commitment to a just peace").
fn frame_content(t: &Tree, n: usize) -> Option<usize> {
    if t.p.words[n].upos != NOUN {
        return None;
    }
    let (_, relation, preps) = NOUN_FRAMES.iter().find(|(l, ..)| *l == t.lemma(n))?;
    if *relation == Relation::Meets {
        return None;
    }
    // ("demands to be included in the plan", "to be met": a passive clause says what
    // becomes of the noun itself, not what it asks.)
    let o = t
        .kids_with(n, |r| r == "nmod" || r == "acl")
        .into_iter()
        .find(|k| t.case_of(*k).is_some_and(|c| preps.contains(&c) && c != "of") && t.kid(*k, "aux:pass").is_none());
    // "floated a proposal to create a buffer zone", with "to create …" read as the
    // verb's: a clause right after the noun is the noun's.
    let o = o.or_else(|| {
        let v = t.head(n).filter(|_| t.rel[n] == "obj" && preps.contains(&"to"))?;
        t.kids_with(v, |r| matches!(r, "advcl" | "xcomp"))
            .into_iter()
            .find(|k| t.case_of(*k) == Some("to") && t.kids[*k].iter().any(|m| t.rel[*m] == "mark" && *m == n + 1))
    })?;
    Some(descend(t, o))
}

/// Whether `k` is a "for" phrase on a noun or name ("Biden [for aid]").
fn rest_is_for(t: &Tree, k: usize) -> bool {
    matches!(t.rel[k], "nmod" | "obl") && t.case_of(k) == Some("for")
}

/// Verbs whose object does what their purpose clause says: "sent the envoy to meet X".
const OBJECT_CONTROL: &[&str] = &[
    "send", "dispatch", "direct", "instruct", "task", "ask", "urge", "invite", "authorize", "authorise", "appoint",
    "order", "tell", "encourage", "press", "push", "commission", "mandate", "deploy",
];

/// Verbs of asking another to act: "urged Kyiv to accept", "asked Slovakia to veto".
const REQUESTING: &[&str] = &[
    "ask", "urge", "press", "pressure", "push", "encourage", "implore", "appeal", "tell", "want", "invite", "call",
    "lobby", "persuade", "convince", "exhort", "beg",
];

/// Words before a known position that say where it stands, not what it is: "the
/// proposed buffer zone" is the buffer zone.
const STATUS_WORDS: &[&str] = &[
    "proposed", "planned", "possible", "potential", "so-called", "so", "called", "-", "new", "latest", "current",
    "envisaged", "suggested", "mooted", "promised", "long-awaited", "expected", "contested", "controversial",
    "putative", "prospective", "future", "eventual", "any", "such",
];

/// Nouns that only frame the position after "of": "the opening of accession talks",
/// "the prospect of EU membership".
const FRAMING_NOUNS: &[&str] = &[
    "opening", "start", "launch", "prospect", "possibility", "idea", "notion", "concept", "question", "issue",
    "matter", "topic", "principle", "process",
];

/// Verbs too light to be the content of a stance: "agreed to work together to bring
/// about an end to the war" is about the end to the war.
pub(super) const LIGHT_VERBS: &[&str] =
    &["work", "continue", "help", "try", "seek", "make", "take", "go", "do", "move", "strive"];

/// Verbs whose object is what a stance is about: "to bring about an end", "the
/// importance of maintaining peace and stability", "committed to achieving a lasting peace".
const CARRIER_VERBS: &[&str] = &[
    "bring", "achieve", "reach", "secure", "ensure", "produce", "maintain", "uphold", "preserve", "facilitate",
    "promote", "advance", "deliver", "provide", "restore", "build", "strengthen", "deepen", "expand", "pursue",
    "protect", "establish", "implement", "realize", "realise", "create", "foster", "enable", "forge", "find", "allow",
    "permit",
];

/// Through light verbs to what they are about: their `xcomp`, a purpose clause, or
/// their object.
fn descend(t: &Tree, mut o: usize) -> usize {
    for _ in 0..3 {
        if t.p.words[o].upos != VERB || !LIGHT_VERBS.contains(&t.lemma(o)) {
            break;
        }
        // ("continue working together to bring about X": the gerund, then its purpose.)
        let purpose = t
            .kids_with(o, |r| r == "advcl" || r == "xcomp")
            .into_iter()
            .find(|k| t.case_of(*k) == Some("to"))
            .or_else(|| t.kid(o, "xcomp").filter(|x| t.xpos(*x) == "VBG"));
        match purpose.or_else(|| t.kid(o, "obj")) {
            Some(next) => o = next,
            None => break,
        }
    }
    // A verb with an object stands for its object when the verb is a mere carrier
    // ("to bring about an end").
    if t.p.words[o].upos == VERB && CARRIER_VERBS.contains(&t.lemma(o)) {
        if let Some(obj) = t.kid(o, "obj") {
            return obj;
        }
    }
    o
}

/// Whether a subject word names the two sides just met: "they", "both", "the (two)
/// leaders", "the sides".
fn names_pair(t: &Tree, w: usize) -> bool {
    let word = &t.p.words[w];
    // ("The Leaders", capitalised in a readout, is tagged a name: its lemma keeps the "s".)
    let lemma = word.lemma.to_lowercase();
    let plural = lemma.ends_with('s') || word.end - word.start > word.lemma.len();
    match lemma.trim_end_matches('s') {
        "they" | "both" => true,
        "leader" | "side" | "president" => {
            plural && t.kids[w].iter().any(|k| matches!(t.lemma(*k).to_lowercase().as_str(), "two" | "both" | "the"))
        }
        _ => false,
    }
}

/// The subject of verb `v`: its `nsubj`, else (for "agreed to work", "met X and
/// praised Y") the subject of the verb it completes or is coordinated with.
fn subject_of(t: &Tree, v: usize, depth: usize) -> Option<usize> {
    if let Some(s) = t.kid(v, "nsubj") {
        // "the plan, which Kyiv criticised": a relative pronoun subject is the noun.
        if t.rel[v] == "acl:relcl" && matches!(t.lemma(s), "who" | "which" | "that") {
            return t.head(v);
        }
        return Some(s);
    }
    // "the envoy, calling for an end to the violence": an active participle's noun
    // is its subject.
    // ("The court's president, Judge Joan Donoghue, rejected …", with the finite verb
    // read as a clause of the name: the name is its subject.)
    if t.rel[v] == "acl" && matches!(t.xpos(v), "VBG" | "VBD") {
        return t.head(v);
    }
    // "was in Washington to meet with X", "went to Paris to sign it": a purpose
    // clause's subject is the clause's it completes.
    if depth < 3
        && t.case_of(v) == Some("to")
        && (t.rel[v] == "advcl" || t.rel[v] == "acl" && t.kid(t.head(v)?, "cop").is_some())
    {
        let h = t.head(v)?;
        // ("sent Hakan Fidan to meet X", with the clause read as a purpose: the one
        // sent meets.)
        if OBJECT_CONTROL.contains(&t.lemma(h)) {
            if let Some(o) = t.kid(h, "obj").filter(|o| *o < v && matches!(t.p.words[*o].upos, PROPN | NOUN)) {
                return Some(o);
            }
        }
        return t.kid(h, "nsubj").or_else(|| subject_of(t, h, depth + 1));
    }
    // "directed Witkoff to travel to Moscow": an object-control verb's object is the
    // subject of its complement.
    if t.rel[v] == "xcomp" {
        // (A bare noun between the two, whatever relation the parser gave it.)
        let h = t.head(v)?;
        let object = t.kids[h].iter().copied().find(|k| {
            (h..v).contains(k)
                && matches!(t.rel[*k], "obj" | "iobj" | "obl" | "obl:agent")
                && t.case_of(*k).is_none()
                && matches!(t.p.words[*k].upos, NOUN | PROPN | PRON)
        });
        if let Some(o) = object {
            return Some(o);
        }
    }
    if depth < 3 && matches!(t.rel[v], "xcomp" | "conj") {
        return subject_of(t, t.head(v)?, depth + 1);
    }
    // "The Administration reaffirms its commitment …; will continue to support …": a
    // clause after a semicolon with an auxiliary and no subject shares the first's.
    if depth < 3 && t.rel[v] == "parataxis" && t.kid(v, "aux").is_some() {
        return subject_of(t, t.head(v)?, depth + 1);
    }
    None
}

/// The object of verb `v` for a cue ending in `rest` ("call for": the `obl` introduced
/// by "for"); else `obj`, then a clausal `xcomp` or `ccomp`.
fn object_of(t: &Tree, v: usize, rest: &[String], relation: Relation) -> Option<usize> {
    // "a proposal Oslo rejects", "the deal, which Quito criticised": a relative
    // clause's object is the noun it describes.
    if t.rel[v] == "acl:relcl" {
        let obj = t.kid(v, "obj");
        if obj.is_none_or(|o| matches!(t.lemma(o), "which" | "that" | "who" | "whom")) && t.kid(v, "nsubj").is_some() {
            let subject_is_relative = t.kid(v, "nsubj").is_some_and(|s| matches!(t.lemma(s), "which" | "that" | "who"));
            if !subject_is_relative && (obj.is_some() || t.kid(v, "xcomp").is_none() && t.kid(v, "ccomp").is_none()) {
                return t.head(v);
            }
        }
    }
    if let Some(prep) = rest.last().filter(|p| CUE_PREPOSITIONS.contains(&p.as_str())) {
        let obl = t.kids_with(v, |r| r.starts_with("obl") || matches!(r, "xcomp" | "ccomp" | "advcl"));
        if let Some(o) = obl.into_iter().find(|k| t.case_of(*k) == Some(prep.as_str())) {
            return Some(o);
        }
        // (The one asked, read as an indirect object: "asked President Biden for aid".)
        return t.kid(v, "obj").or_else(|| t.kid(v, "iobj").filter(|_| relation == Relation::Demands && prep == "for"));
    }
    if let Some(o) = t.kid(v, "obj") {
        return Some(o);
    }
    if relation == Relation::Meets {
        let obl = t.kids_with(v, |r| r.starts_with("obl"));
        return obl.into_iter().find(|k| t.case_of(*k) == Some("with"));
    }
    t.kid(v, "xcomp")
        .or_else(|| t.kid(v, "ccomp"))
        .or_else(|| t.kid(v, "iobj").filter(|_| relation == Relation::Demands))
}
