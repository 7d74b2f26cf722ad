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
const PROPN: u8 = 11;
const PRON: u8 = 10;
const NUM: u8 = 8;
const PUNCT: u8 = 12;

/// Prepositions a cue can end with, whose object is the cue's object.
const CUE_PREPOSITIONS: &[&str] = &["for", "with", "to", "on", "at", "against", "about", "from", "of", "in"];

/// First words of verb cues that are not verbs themselves ("will not accept").
const NOT_VERBS: &[&str] = &[
    "will", "would", "won't", "cannot", "can't", "not", "never", "is", "are", "be", "ready", "prepared", "willing", "open",
    "to", "no", "talks", "talk", "negotiations", "negotiation", "summit", "call", "phone", "discussions", "meeting",
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
        list.sort_by(|a, b| b.1.len().cmp(&a.1.len()));
    }
    out
}

/// The parse of one sentence with what the rules ask of it.
struct Tree<'a> {
    p: &'a Parse,
    rel: Vec<&'a str>,
    kids: Vec<Vec<usize>>,
    /// The entry token each word belongs to.
    token: Vec<usize>,
}

impl<'a> Tree<'a> {
    fn new(p: &'a Parse, start: usize) -> Tree<'a> {
        let model = Model::bundled();
        let n = p.words.len();
        let rel = p.words.iter().map(|w| model.relations().get(w.deprel as usize).map_or("dep", String::as_str)).collect();
        let mut kids = vec![Vec::new(); n];
        for (i, w) in p.words.iter().enumerate() {
            if w.head > 0 && w.head <= n {
                kids[w.head - 1].push(i);
            }
        }
        let mut token = vec![start; n];
        for (k, r) in p.token_words.iter().enumerate() {
            for w in r.clone() {
                token[w] = start + k;
            }
        }
        Tree { p, rel, kids, token }
    }

    fn kid(&self, w: usize, rel: &str) -> Option<usize> {
        self.kids[w].iter().copied().find(|k| self.rel[*k] == rel)
    }

    fn kids_with(&self, w: usize, pred: impl Fn(&str) -> bool) -> Vec<usize> {
        self.kids[w].iter().copied().filter(|k| pred(self.rel[*k])).collect()
    }

    fn head(&self, w: usize) -> Option<usize> {
        let h = self.p.words[w].head;
        (h > 0).then(|| h - 1)
    }

    fn lemma(&self, w: usize) -> &str {
        &self.p.words[w].lemma
    }

    /// The word's case or mark dependent ("for" in "for talks").
    fn case_of(&self, w: usize) -> Option<&str> {
        self.kids[w].iter().find(|k| matches!(self.rel[**k], "case" | "mark")).map(|k| self.lemma(*k))
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

    /// The words of `w`'s subtree, less conjuncts, relative clauses, appositions and
    /// clauses of their own.
    fn phrase(&self, w: usize, out: &mut Vec<usize>) {
        out.push(w);
        for &k in &self.kids[w] {
            let r = self.rel[k];
            if matches!(r, "conj" | "cc" | "acl:relcl" | "appos" | "parataxis" | "punct" | "advcl" | "dep" | "discourse")
                || r.starts_with("nsubj")
                || out.len() > 14
            {
                continue;
            }
            self.phrase(k, out);
        }
    }
}

impl ClaimExtractor {
    /// Whether the sentence holds a word that may be a verb cue, so that parsing it can
    /// matter: a verb cue's lemma, or a word whose crude stem is one ("defended").
    pub(super) fn has_cue_candidate(&self, ctx: &Ctx) -> bool {
        (ctx.start..ctx.end).any(|i| {
            let w = ctx.w(i);
            if self.verb_lemmas.contains_key(w) || NOUN_FRAMES.iter().any(|(l, r, _)| *r != Relation::Meets && w.strip_suffix('s').unwrap_or(w) == *l) {
                return true;
            }
            ["ing", "ed", "es", "s", "d"].iter().any(|suf| {
                w.strip_suffix(suf).is_some_and(|stem| {
                    self.verb_lemmas.contains_key(stem) || self.verb_lemmas.contains_key(&format!("{stem}e"))
                })
            })
        })
    }

    /// Claims read on the parse: verb cues, then noun frames, on one [`Tree`].
    pub(super) fn parsed_claims(&self, ctx: &Ctx, out: &mut Vec<Found>) {
        let Some(p) = &ctx.parse else { return };
        let t = Tree::new(p, ctx.start);
        self.verb_cues(ctx, &t, out);
        self.noun_frames(ctx, &t, out);
    }

    /// Verb cues read on the parse.
    fn verb_cues(&self, ctx: &Ctx, t: &Tree, out: &mut Vec<Found>) {
        let p = t.p;
        for v in 0..p.words.len() {
            if p.words[v].upos != VERB {
                continue;
            }
            let Some(entries) = self.verb_lemmas.get(t.lemma(v)) else { continue };
            let tok = t.token[v];
            let Some((relation, rest)) =
                entries.iter().find(|(_, rest)| rest.iter().enumerate().all(|(k, r)| ctx.w(tok + 1 + k) == r))
            else {
                continue;
            };
            if self.conditional(&t, v) {
                continue;
            }
            let cue = CueHit {
                first: tok,
                last: tok + rest.len(),
                relation: *relation,
                frame: Frame::Verb,
                text: ctx.text[ctx.tokens[tok].start..ctx.tokens[tok + rest.len()].end].to_string(),
            };
            // "did not accept", "never backed"; "refused to accept": the governing verb
            // negates the one it completes.
            let negated = t.kids[v].iter().any(|k| t.rel[*k] == "advmod" && matches!(t.lemma(*k), "not" | "never" | "n't"))
                || (t.rel[v] == "xcomp"
                    && t.head(v).is_some_and(|h| matches!(t.lemma(h), "refuse" | "decline" | "fail" | "reject" | "oppose")));
            let relation = match (negated, relation.negated()) {
                (false, _) => *relation,
                (true, Some(r)) => r,
                (true, None) => continue,
            };
            let passive = t.kid(v, "nsubj:pass");
            let (subjects, objects) = match passive {
                Some(patient) => {
                    let agent = t
                        .kid(v, "obl:agent")
                        .or_else(|| t.kids_with(v, |r| r == "obl").into_iter().find(|k| t.case_of(*k) == Some("by")));
                    let Some(agent) = agent else { continue };
                    (t.with_conjuncts(agent), t.with_conjuncts(patient))
                }
                None => {
                    let Some(subj) = subject_of(&t, v, 0) else { continue };
                    let Some(obj) = object_of(&t, v, rest, relation) else { continue };
                    let obj = descend(&t, obj);
                    if matches!(t.rel[obj], "xcomp" | "ccomp") {
                        // "wants to meet X", "refused to accept Y": the verb it governs
                        // carries the claim, this one its modality or negation. An offer
                        // to act ("offered to join") is no proposal of a position.
                        let inner = t.lemma(obj);
                        if self.verb_lemmas.contains_key(inner) || relation == Relation::Proposes {
                            continue;
                        }
                    }
                    (t.with_conjuncts(subj), t.with_conjuncts(obj))
                }
            };
            let modality = self.modality(ctx, tok);
            let subjects = self.subjects(ctx, &t, &subjects);
            for o in objects {
                let Some(obj) = self.object_entity(ctx, &t, o, relation) else { continue };
                for s in &subjects {
                    out.push(found(s, relation, &obj, &cue, 0.75, modality, ctx));
                }
            }
        }
    }

    /// The actors subject words name; "the two leaders", "both", "they" with no actor
    /// of their own are the two sides of the entry's latest meeting.
    fn subjects(&self, ctx: &Ctx, t: &Tree, words: &[usize]) -> Vec<Mention> {
        let mut out = Vec::new();
        for &w in words {
            if let (true, Some((a, b))) = (names_pair(t, w), &ctx.pair) {
                out.push(a.clone());
                out.push(b.clone());
            } else if let Some(m) = self.actor_at(ctx, t, w) {
                out.push(m);
            }
        }
        out
    }

    /// Claims carried by nouns: "U.S. support for Jordan", "Russia's demand for X",
    /// "criticism from Ankara", "reaffirmed their commitment to a two-state solution".
    fn noun_frames(&self, ctx: &Ctx, t: &Tree, out: &mut Vec<Found>) {
        let p = t.p;
        for n in 0..p.words.len() {
            if p.words[n].upos != NOUN {
                continue;
            }
            let Some(&(_, relation, preps)) = NOUN_FRAMES.iter().find(|(l, ..)| *l == t.lemma(n)) else { continue };
            if self.conditional(&t, n) {
                continue;
            }
            // The holder: a possessor or a name modifying the noun ("Russia's", "U.S."),
            // "from X", else the subject of the verb that has the noun as its object
            // ("Biden reaffirmed support for …").
            let mut holders: Vec<usize> =
                t.kids_with(n, |r| matches!(r, "nmod:poss" | "compound" | "amod")).into_iter().collect();
            holders.extend(t.kids_with(n, |r| r == "nmod").into_iter().filter(|k| t.case_of(*k) == Some("from")));
            let mut subjects: Vec<Mention> = holders.iter().filter_map(|h| self.actor_at(ctx, &t, *h)).collect();
            if subjects.is_empty() {
                let governed = t.rel[n] == "obj" || t.rel[n] == "conj";
                if let Some(v) = t.head(n).filter(|_| governed) {
                    if let Some(s) = subject_of(&t, v, 0) {
                        subjects = self.subjects(ctx, &t, &t.with_conjuncts(s));
                    }
                }
            }
            if subjects.is_empty() {
                continue;
            }
            let objects = t.kids_with(n, |r| r == "nmod" || r == "acl");
            let Some(o) = objects.into_iter().find(|k| t.case_of(*k).is_some_and(|c| preps.contains(&c))) else {
                continue;
            };
            let o = descend(&t, o);
            let tok = t.token[n];
            let cue = CueHit {
                first: tok,
                last: tok,
                relation,
                frame: Frame::Noun,
                text: ctx.text[ctx.tokens[tok].start..ctx.tokens[tok].end].to_string(),
            };
            let modality = self.modality(ctx, tok);
            for o in t.with_conjuncts(o) {
                let Some(obj) = self.object_entity(ctx, &t, o, relation) else { continue };
                for s in &subjects {
                    out.push(found(s, relation, &obj, &cue, 0.65, modality, ctx));
                }
            }
        }
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

    /// The actor mention a word belongs to, if any.
    fn actor_at(&self, ctx: &Ctx, t: &Tree, w: usize) -> Option<Mention> {
        let tok = t.token[w];
        ctx.ms.iter().find(|m| m.first <= tok && tok <= m.last && m.is_actor() && !m.locative).cloned()
    }

    /// What an object word names: an actor, a position the gazetteer or the plan rules
    /// found there, or the noun phrase itself as a new position.
    fn object_entity(&self, ctx: &Ctx, t: &Tree, o: usize, relation: Relation) -> Option<Mention> {
        let tok = t.token[o];
        if let Some(m) = ctx.ms.iter().find(|m| m.first <= tok && tok <= m.last && !m.locative) {
            if matches!(relation, Relation::Meets | Relation::Sends) && !m.is_actor() {
                return None;
            }
            if m.is_actor() || m.role == Role::Position {
                let actor_ok = matches!(
                    relation,
                    Relation::Meets | Relation::Sends | Relation::Criticizes | Relation::Supports
                );
                if m.is_actor() && !actor_ok {
                    return None;
                }
                return Some(m.clone());
            }
        }
        if matches!(relation, Relation::Meets | Relation::Sends) {
            return None;
        }
        let word = &t.p.words[o];
        if matches!(word.upos, PRON | NUM) || (word.upos != NOUN && word.upos != PROPN && word.upos != VERB) {
            return None;
        }
        if is_in(&JUNK_HEADS, &word.lemma) || is_in(&JUNK_HEADS, ctx.w(tok)) {
            return None;
        }
        let mut words = Vec::new();
        t.phrase(o, &mut words);
        words.sort_unstable();
        // Leading determiners, possessives, "to" and "that" are not part of the label.
        let skip = |w: usize| {
            matches!(t.rel[w], "det" | "mark" | "case" | "cc" | "nmod:poss" | "aux" | "advmod") && w < o
                || (t.rel[w] == "case" && t.lemma(w) == "'s")
        };
        let first = words.iter().copied().find(|w| !skip(*w))?;
        // The phrase ends at punctuation ("…, according to", a closing quote), not at a
        // hyphen or slash inside it ("30-day").
        let is_break = |w: usize| {
            t.p.words[w].upos == PUNCT && !matches!(ctx.text.get(t.p.words[w].start..t.p.words[w].end), Some("-" | "/" | "‑"))
        };
        let kept: Vec<usize> =
            words.into_iter().filter(|w| *w >= first).take_while(|w| *w == first || !is_break(*w)).take(10).collect();
        let mut kept = kept;
        // Contiguous words only: a gap means a clause was left out.
        if let Some(gap) = kept.windows(2).position(|p| p[1] != p[0] + 1) {
            kept.truncate(gap + 1);
        }
        let last = *kept.last()?;
        let (a, b) = (t.p.words[first].start, t.p.words[last].end);
        let label = ctx.text.get(a..b)?.split_whitespace().collect::<Vec<_>>().join(" ");
        if label.split_whitespace().count() > 10 || label.chars().count() < 3 {
            return None;
        }
        let entity = self.position_named(&label.to_lowercase().trim_matches(|c: char| !c.is_alphanumeric()).to_string());
        let (f, l) = (t.token[first], t.token[last]);
        Some(Mention::at(entity, Role::Position, Span::new(a, b), f, l))
    }
}

/// Nouns that carry a claim, with the prepositions that introduce its object.
const NOUN_FRAMES: &[(&str, Relation, &[&str])] = &[
    ("support", Relation::Supports, &["for", "of", "to"]),
    ("backing", Relation::Supports, &["for", "of"]),
    ("commitment", Relation::Supports, &["to"]),
    ("endorsement", Relation::Supports, &["of"]),
    ("opposition", Relation::Rejects, &["to"]),
    ("rejection", Relation::Rejects, &["of"]),
    ("demand", Relation::Demands, &["for"]),
    ("call", Relation::Demands, &["for"]),
    ("criticism", Relation::Criticizes, &["of"]),
    ("condemnation", Relation::Criticizes, &["of"]),
    ("proposal", Relation::Proposes, &["for", "to"]),
    ("talks", Relation::Meets, &["with"]),
    ("meeting", Relation::Meets, &["with"]),
    ("call", Relation::Meets, &["with"]),
    ("discussion", Relation::Meets, &["with"]),
    ("negotiation", Relation::Meets, &["with"]),
];

/// Verbs too light to be the content of a stance: "agreed to work together to bring
/// about an end to the war" is about the end to the war.
const LIGHT_VERBS: &[&str] = &["work", "continue", "help", "try", "seek", "make", "take", "go", "do", "move", "strive"];

/// Through light verbs to what they are about: their `xcomp`, a purpose clause, or
/// their object.
fn descend(t: &Tree, mut o: usize) -> usize {
    for _ in 0..3 {
        if t.p.words[o].upos != VERB || !LIGHT_VERBS.contains(&t.lemma(o)) {
            break;
        }
        let purpose = t.kids_with(o, |r| r == "advcl" || r == "xcomp").into_iter().find(|k| t.case_of(*k) == Some("to"));
        match purpose.or_else(|| t.kid(o, "obj")) {
            Some(next) => o = next,
            None => break,
        }
    }
    // A verb with an object stands for its object when the verb is a mere carrier
    // ("to bring about an end").
    if t.p.words[o].upos == VERB && matches!(t.lemma(o), "bring" | "achieve" | "reach" | "secure" | "ensure") {
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
    match word.lemma.as_str() {
        "they" | "both" => true,
        "leader" | "side" | "president" => {
            t.kids[w].iter().any(|k| matches!(t.lemma(*k), "two" | "both" | "the")) && word.end - word.start > word.lemma.len()
        }
        _ => false,
    }
}

/// The subject of verb `v`: its `nsubj`, else (for "agreed to work", "met X and
/// praised Y") the subject of the verb it completes or is coordinated with.
fn subject_of(t: &Tree, v: usize, depth: usize) -> Option<usize> {
    if let Some(s) = t.kid(v, "nsubj") {
        return Some(s);
    }
    if depth < 3 && matches!(t.rel[v], "xcomp" | "conj") {
        return subject_of(t, t.head(v)?, depth + 1);
    }
    None
}

/// The object of verb `v` for a cue ending in `rest` ("call for": the `obl` introduced
/// by "for"); else `obj`, then a clausal `xcomp` or `ccomp`.
fn object_of(t: &Tree, v: usize, rest: &[String], relation: Relation) -> Option<usize> {
    if let Some(prep) = rest.last().filter(|p| CUE_PREPOSITIONS.contains(&p.as_str())) {
        let obl = t.kids_with(v, |r| r.starts_with("obl") || r == "xcomp" || r == "ccomp");
        if let Some(o) = obl.into_iter().find(|k| t.case_of(*k) == Some(prep.as_str())) {
            return Some(o);
        }
        return t.kid(v, "obj");
    }
    if let Some(o) = t.kid(v, "obj") {
        return Some(o);
    }
    if relation == Relation::Meets {
        let obl = t.kids_with(v, |r| r.starts_with("obl"));
        return obl.into_iter().find(|k| t.case_of(*k) == Some("with"));
    }
    t.kid(v, "xcomp").or_else(|| t.kid(v, "ccomp"))
}
