//! The claim extractor: finds cues in each sentence and reads subject and objects
//! by the cue's frame. `attribution.rs` works out speakers, reporters, hedging,
//! negation and modality; `phrases.rs` the positions that phrases name (plans,
//! quantities, noun phrases, copula subjects).

use rustc_hash::FxHashMap as HashMap;

use super::{Claim, Entity, EntityKind, Modality, Relation, Span};
use crate::entry::{DocumentId, Entry};
use crate::mention::words::*;
use crate::mention::{find_mentions, Gazetteer, Mention, People, Role};
use crate::ontology::{Frame, Ontology, WordClass};
use crate::text::{sentences, Token, TokenKind};

mod attribution;
mod parsed;
mod phrases;

/// Nouns that, with a possessor that is a plan, list what the plan proposes:
/// "the European proposal's points are …".
const POINT_NOUNS: &[&str] = &["points", "clauses", "provisions", "elements"];

/// Head nouns too vague to be a position of their own.
static JUNK_HEADS: WordList = WordList::new(&[
    "thing", "things", "way", "time", "part", "issue", "issues", "matter", "question", "it", "that", "this",
    "something", "anything", "nothing", "everything", "point", "details", "progress", "version", "basis", "role",
    "step", "steps", "sides", "side", "number", "wording", "text", "idea", "position", "situation", "talks", "meeting",
    "conditions", "efforts", "deal", "war", "conflict", "subject", "essence", "majority", "them", "him", "her", "us",
    "me", "you", "one", "what", "which", "who", "plan", "proposal", "documents", "statement", "comments", "remarks",
    "terms", "clauses", "points", "aim", "goal", "hopes", "lot", "commitment", "ambition", "ambitions", "bid",
    "desire", "intention", "readiness", "willingness", "right", "rights", "demand", "efforts", "attempts", "calls",
    "size", "parts", "sessions", "details", "steps",
]);

/// Words that end a noun phrase.
fn np_stop(w: &str) -> bool {
    is_in(&PREPOSITIONS, w)
        || is_in(&AUXILIARIES, w)
        || is_in(CONJUNCTIONS, w)
        || matches!(
            w,
            "that"
                | "which"
                | "who"
                | "whom"
                | "whose"
                | "where"
                | "when"
                | "while"
                | "if"
                | "because"
                | "as"
                | "so"
                | "unless"
                | "whereas"
                | "although"
                | "though"
        )
}

/// An entry's text cut into sentences and tokens, with the parses of the sentences
/// that may hold a cue (see [`ClaimExtractor::prepare`]).
#[derive(Debug, Clone)]
pub struct Prepared {
    tokens: Vec<Token>,
    /// Each sentence's token range.
    ranges: Vec<(usize, usize)>,
    norms: Vec<String>,
    in_quote: Vec<bool>,
    parses: Vec<Option<crate::syntax::Parse>>,
}

/// The part of extraction that carries nothing from one entry to the next: the text
/// cut into sentences and tokens, and the parse of every sentence that may hold a cue.
/// Most of an entry's extraction time is its parse; ingest prepares entries on other
/// threads (a `Preparer` is cheap to clone and `Sync`) while it extracts earlier ones
/// in order with [`ClaimExtractor::extract_prepared`].
#[derive(Debug, Clone)]
pub struct Preparer {
    /// Word forms that may be a cue on the parse (see `parsed::cue_words`).
    cue_words: std::sync::Arc<rustc_hash::FxHashSet<String>>,
    /// The lemmas of verb cues, to tell a tagged sentence worth parsing.
    verbs: std::sync::Arc<rustc_hash::FxHashSet<String>>,
}

impl Preparer {
    /// Segments `text` and parses its sentences that may hold a cue.
    pub fn prepare(&self, text: &str) -> Prepared {
        let sents = sentences(text);
        let tokens: Vec<Token> = sents.iter().flat_map(|s| s.tokens.iter().copied()).collect();
        let mut ranges = Vec::new();
        let mut k = 0;
        for s in &sents {
            ranges.push((k, k + s.tokens.len()));
            k += s.tokens.len();
        }
        let norms = norms(text, &tokens);
        let in_quote = crate::text::quote_flags(text, &tokens);
        let model = crate::syntax::Model::bundled();
        let parses = ranges
            .iter()
            .map(|&(start, end)| {
                let wanted = start < end
                    && !is_caption(&text[tokens[start].start..tokens[end - 1].end])
                    && parsed::has_cue_candidate(&self.cue_words, &norms[start..end]);
                // Tagged first: "sanctions" or "press" read as nouns need no parse.
                let worth = |forms: &[&str], upos: &[u8], lemmas: &[String]| {
                    parsed::worth_parsing(&self.verbs, forms, upos, lemmas)
                };
                wanted.then(|| model.parse_tokens_if(text, &tokens[start..end], worth)).flatten()
            })
            .collect();
        Prepared { tokens, ranges, norms, in_quote, parses }
    }
}

/// The result of extracting one entry.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    pub mentions: Vec<Mention>,
    pub claims: Vec<Claim>,
}

impl Extraction {
    /// The actors and positions the entry mentions as such (not as places, not as
    /// unresolved pronouns), each once, in order of first mention.
    pub fn mentioned(&self) -> Vec<Entity> {
        let mut out: Vec<Entity> = Vec::new();
        for m in &self.mentions {
            let keep =
                (m.is_actor() || m.role == Role::Position) && m.role != Role::Speaker && !m.entity.key.is_empty();
            if keep && !out.contains(&m.entity) {
                out.push(m.entity.clone());
            }
        }
        out
    }
}

#[derive(Debug, Clone)]
struct CueRef {
    words: Vec<String>,
    relation: Relation,
    frame: Frame,
}

/// A cue found in a sentence: tokens `first..=last`.
#[derive(Debug, Clone)]
struct CueHit {
    first: usize,
    last: usize,
    relation: Relation,
    frame: Frame,
    text: String,
}

impl CueHit {
    /// The cue on tokens `first..=last` of the entry.
    fn on(ctx: &Ctx, first: usize, last: usize, relation: Relation, frame: Frame) -> CueHit {
        let text = ctx.text[ctx.tokens[first].start..ctx.tokens[last].end].to_string();
        CueHit { first, last, relation, frame, text }
    }
}

/// Who speaks and who reports, for one sentence.
#[derive(Debug, Clone, Default)]
struct Attribution {
    speaker: Option<Entity>,
    reporters: Vec<Entity>,
    hedged: bool,
}

/// Turns entries into claims. Holds the gazetteer, the cue lexicon and what it has
/// learnt so far (people discovered, each document's current plan).
pub struct ClaimExtractor {
    gaz: Gazetteer,
    titles: Vec<String>,
    cues: HashMap<String, Vec<CueRef>>,
    /// Word-class phrases by first word, and by last word: (class, index in `class_phrases`).
    classes: HashMap<String, Vec<(WordClass, usize)>>,
    classes_by_last: HashMap<String, Vec<(WordClass, usize)>>,
    class_phrases: Vec<(WordClass, Vec<String>)>,
    /// One-word nouns that name a proposal ("plan", "proposal"), less the point nouns;
    /// sorted.
    plan_nouns: Vec<String>,
    people: People,
    plans: HashMap<DocumentId, Vec<Entity>>,
    /// Verb cues by the lemma of their first word, with the words that must follow
    /// ("call" + "for"), for the rules on the parse.
    verb_lemmas: HashMap<String, Vec<(Relation, Vec<String>)>>,
    /// Word forms that may be a cue on the parse: verb cues' inflections (lexicon forms
    /// and regular ones from their lemmas) and stance nouns, so that a sentence
    /// without one is not parsed.
    preparer: Preparer,
    /// The first label each new position got, by key, so that one key has one label.
    position_labels: HashMap<String, String>,
    /// Known positions by lower-case label and alias, so that a phrase kg builds
    /// ("recognition of Palestine") lands on the gazetteer's position when it names one.
    position_names: HashMap<String, Entity>,
}

/// Per-sentence context passed between the helpers.
struct Ctx<'a> {
    text: &'a str,
    tokens: &'a [Token],
    norms: &'a [String],
    in_quote: &'a [bool],
    start: usize,
    end: usize,
    ms: Vec<Mention>,
    /// Last tokens of the sentence's verb cues: a mention right after one is its object.
    verb_ends: Vec<usize>,
    /// Every mention of the entry, for references back to earlier sentences.
    all: &'a [Mention],
    /// The position the previous sentence was about: what a later "it" means.
    prev_topic: Option<Mention>,
    /// The sentence's parse, when it holds a cue candidate.
    parse: Option<crate::syntax::Parse>,
    /// The sides of the entry's latest meeting: what "the two leaders", "both" or
    /// "they" name in a readout (empty before any).
    pair: Vec<Mention>,
    /// Whether the entry says "peace", and whether it speaks of war or peace at all (for
    /// plan labels: ontology/README.md).
    says_peace: bool,
    about_war_or_peace: bool,
}

impl Ctx<'_> {
    fn w(&self, i: usize) -> &str {
        self.norms.get(i).map(String::as_str).unwrap_or("")
    }
}

impl ClaimExtractor {
    /// Builds an extractor from the ontology's gazetteer and cue lexicon.
    pub fn new(ontology: &Ontology) -> ClaimExtractor {
        let gaz = Gazetteer::new(ontology);
        let mut titles: Vec<String> = ontology.records.iter().flat_map(|r| r.titles.iter().cloned()).collect();
        titles.sort();
        titles.dedup();
        let mut cues: HashMap<String, Vec<CueRef>> = HashMap::default();
        for c in &ontology.lexicon.cues {
            if let Some(first) = c.words.first() {
                cues.entry(first.clone()).or_default().push(CueRef {
                    words: c.words.clone(),
                    relation: c.relation,
                    frame: c.frame,
                });
            }
        }
        for list in cues.values_mut() {
            list.sort_by(|a, b| b.words.len().cmp(&a.words.len()));
        }
        let mut classes: HashMap<String, Vec<(WordClass, usize)>> = HashMap::default();
        let mut classes_by_last: HashMap<String, Vec<(WordClass, usize)>> = HashMap::default();
        let mut class_phrases = Vec::new();
        for (class, forms) in &ontology.lexicon.classes {
            for f in forms {
                let words: Vec<String> = f.split_whitespace().map(str::to_string).collect();
                if let (Some(first), Some(last)) = (words.first(), words.last()) {
                    classes.entry(first.clone()).or_default().push((*class, class_phrases.len()));
                    classes_by_last.entry(last.clone()).or_default().push((*class, class_phrases.len()));
                }
                class_phrases.push((*class, words));
            }
        }
        let mut plan_nouns: Vec<String> = cues
            .values()
            .flatten()
            .filter(|c| c.frame == Frame::Noun && c.relation == Relation::Proposes && c.words.len() == 1)
            .map(|c| c.words[0].clone())
            .filter(|w| !is_in(POINT_NOUNS, w))
            .collect();
        plan_nouns.sort();
        plan_nouns.dedup();
        let mut position_names = HashMap::default();
        for (i, r) in gaz.records.iter().enumerate() {
            if r.kind == Some(EntityKind::Position) {
                for name in std::iter::once(&r.label).chain(&r.alt_labels) {
                    position_names.entry(norm(name)).or_insert_with(|| gaz.entity(i));
                }
            }
        }
        let verb_lemmas = parsed::verb_lemmas(&cues);
        let cue_words = parsed::cue_words(&cues, &verb_lemmas);
        let verbs = std::sync::Arc::new(verb_lemmas.keys().cloned().collect());
        ClaimExtractor {
            verb_lemmas,
            preparer: Preparer { cue_words: std::sync::Arc::new(cue_words), verbs },
            position_labels: HashMap::default(),
            gaz,
            titles,
            cues,
            classes,
            classes_by_last,
            class_phrases,
            plan_nouns,
            people: People::default(),
            plans: HashMap::default(),
            position_names,
        }
    }

    /// The people and organisations discovered so far (seed it from the store to keep
    /// names consistent across ingests).
    pub fn people_mut(&mut self) -> &mut People {
        &mut self.people
    }

    /// Teaches the extractor actors found in earlier ingests (from [`Store::actors`]):
    /// people and organisations the gazetteer lacks are then recognised by name and
    /// surname, so they do not become second nodes.
    ///
    /// [`Store::actors`]: crate::store::Store::actors
    pub fn learn(&mut self, actors: &[Entity]) {
        for a in actors {
            if self.gaz.get(&a.key).is_none() && matches!(a.kind, EntityKind::Person | EntityKind::Organization) {
                self.people.add(a);
            }
        }
    }

    /// The position a phrase names: the gazetteer's when the phrase is one of its names,
    /// else a new one labelled by the phrase.
    fn position_named(&self, phrase: &str) -> Entity {
        self.position_names
            .get(&norm(phrase))
            .cloned()
            .unwrap_or_else(|| Entity::from_label(EntityKind::Position, phrase))
    }

    /// Whether `w` is one of [`ClaimExtractor::plan_nouns`] (kept sorted).
    fn is_plan_noun(&self, w: &str) -> bool {
        self.plan_nouns.binary_search_by(|p| p.as_str().cmp(w)).is_ok()
    }

    /// The actor a source speaks for when it is one itself ("The White House" is the
    /// United States government; a news outlet is no actor).
    fn issuer(&self, source: &str) -> Option<Entity> {
        let source = source.trim();
        let source = source.strip_prefix("The ").or_else(|| source.strip_prefix("the ")).unwrap_or(source);
        let tokens = crate::text::tokenize(source);
        let norms = norms(source, &tokens);
        let hits = self.gaz.find(source, &tokens, &norms);
        let hit = hits.first().filter(|h| h.first == 0 && h.last + 1 == tokens.len())?;
        let entity = self.gaz.entity(hit.record);
        entity.kind.is_actor().then_some(entity)
    }

    /// The gazetteer in use.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gaz
    }

    /// Extracts the mentions and claims of one entry.
    pub fn extract(&mut self, entry: &Entry) -> Extraction {
        let prepared = self.prepare(&entry.text);
        self.extract_prepared(entry, prepared)
    }

    /// The part of extraction that carries nothing from one entry to the next (see
    /// [`Preparer`]).
    pub fn prepare(&self, text: &str) -> Prepared {
        self.preparer.prepare(text)
    }

    /// A [`Preparer`] of its own for another thread.
    pub fn preparer(&self) -> Preparer {
        self.preparer.clone()
    }

    /// Extracts the mentions and claims of one entry from its [`prepare`](Self::prepare)d
    /// text (which must be `entry.text`'s).
    pub fn extract_prepared(&mut self, entry: &Entry, prepared: Prepared) -> Extraction {
        let text = entry.text.as_str();
        let Prepared { tokens, ranges, norms, in_quote, mut parses } = prepared;
        let agents = parsed::agent_tokens(&self.verb_lemmas, &parses, &ranges, tokens.len());
        let mentions = find_mentions(
            text, &tokens, &norms, &ranges, &in_quote, &agents, &self.gaz, &self.titles, &mut self.people,
        );
        let issuer = entry.source.as_deref().and_then(|s| self.issuer(s));
        let mut claims = Vec::new();
        let mut last_speaker: Option<Entity> = None;
        let mut prev_topic: Option<Mention> = None;
        let mut pair: Vec<Mention> = Vec::new();
        let mut family: Option<String> = None;
        let entry_words = || text.split(|c: char| !c.is_alphanumeric());
        let says_peace = entry_words().any(|w| w.eq_ignore_ascii_case("peace"));
        let about_war_or_peace = entry_words()
            .any(|w| ["peace", "war", "ceasefire", "truce", "conflict"].iter().any(|p| w.eq_ignore_ascii_case(p)));
        for (sentence_index, &(start, end)) in ranges.iter().enumerate() {
            if start == end {
                continue;
            }
            let sentence = &text[tokens[start].start..tokens[end - 1].end];
            if is_caption(sentence) {
                continue;
            }
            let ms: Vec<Mention> = mentions.iter().filter(|m| m.first >= start && m.last < end).cloned().collect();
            let mut ctx = Ctx {
                text,
                tokens: &tokens,
                norms: &norms,
                in_quote: &in_quote,
                start,
                end,
                ms,
                verb_ends: Vec::new(),
                all: &mentions,
                prev_topic: prev_topic.clone(),
                parse: parses.get_mut(sentence_index).and_then(Option::take),
                pair: pair.clone(),
                says_peace,
                about_war_or_peace,
            };
            let mut attr = self.attribution(&ctx);
            let whole_quote = (start..end).all(|i| in_quote[i] || tokens[i].kind == TokenKind::Quote);
            if attr.speaker.is_none() && whole_quote {
                attr.speaker = last_speaker.clone();
            }
            if attr.speaker.is_some() {
                last_speaker = attr.speaker.clone();
            }
            // First-person pronouns inside quotes are the speaker; outside quotes, "we"
            // and "our" in a government's own statement are that government.
            let speaker = attr.speaker.clone();
            ctx.ms.retain_mut(|m| {
                if m.role != Role::Speaker {
                    return true;
                }
                let plural = matches!(norms[m.first].as_str(), "we" | "our" | "us" | "ours");
                match (&speaker, in_quote[m.first], &issuer) {
                    (Some(s), true, _) => {
                        m.entity = s.clone();
                        true
                    }
                    (_, false, Some(i)) if plural => {
                        m.entity = i.clone();
                        true
                    }
                    _ => false,
                }
            });
            self.quantities(&mut ctx, &mut family);
            self.plans_in(&mut ctx, entry.document);
            let evidence = Span::new(tokens[start].start, tokens[end - 1].end);
            let mut found = Vec::new();
            let cues = self.cues_in(&ctx);
            ctx.verb_ends = cues.iter().filter(|c| c.frame == Frame::Verb).map(|c| c.last).collect();
            for cue in cues {
                self.apply(&ctx, &cue, &attr, &mut found);
            }
            // What this sentence is about, for an "it" in the next: a position opening
            // it, else its first position.
            prev_topic = ctx
                .ms
                .iter()
                .filter(|m| m.role == Role::Position)
                .min_by_key(|m| m.first)
                .cloned()
                .or(prev_topic.take());
            // Where the parse read a cue, its claims stand for that cue: the word rules'
            // reading of the same cue (a subject by adjacency, an object cut at a
            // name) is dropped. Cues the parse could not read keep the word rules'.
            let (mut parsed, mut silent) = (Vec::new(), Vec::new());
            self.parsed_claims(&ctx, &mut parsed, &mut silent);
            if trace() {
                for (tag, list) in [("words", &found), ("parse", &parsed)] {
                    for f in list {
                        eprintln!(
                            "kg-trace {tag}: {} | {:?} | {} (cue {:?} at {})",
                            f.0.label, f.1, f.2.label, f.3, f.8
                        );
                    }
                }
            }
            found.retain(|f| !silent.contains(&f.8) && !parsed.iter().any(|p| p.8 == f.8 && p.1 == f.1));
            found.extend(parsed);
            // One welcomes a person as a host ("will welcome President Doe to the White
            // House"): a meeting, not a stance.
            for f in found.iter_mut() {
                if f.1 == Relation::Supports
                    && f.2.kind == EntityKind::Person
                    && f.3.to_lowercase().starts_with("welcom")
                {
                    f.1 = Relation::Meets;
                }
            }
            // (A visit to a country is no pair that "the leaders" can be: "his trip to
            // Poland".)
            let visit = |cue: &str| {
                matches!(
                    cue,
                    "trip" | "trips" | "visit" | "visits" | "visited" | "tour" | "travel" | "traveled" | "travelled"
                )
            };
            let met = |f: &&Found| {
                f.1 == Relation::Meets
                    && f.0.kind.is_actor()
                    && f.2.kind.is_actor()
                    && f.4 != REPORTED_MEETING
                    && !visit(&f.3.to_lowercase())
            };
            if let Some((host, ..)) = found.iter().find(met) {
                // ("met with Prime Minister A and President B": the leaders are all three.)
                let at = |e: &Entity| Mention::at(e.clone(), Role::Name, Span::new(0, 0), start, start);
                let mut sides = vec![at(host)];
                for (_, _, guest, ..) in found.iter().filter(met).filter(|f| f.0.key == host.key) {
                    if !sides.iter().any(|m| m.entity.key == guest.key) {
                        sides.push(at(guest));
                    }
                }
                pair = sides;
            }
            self.noun_claims(&ctx, &mut found);
            self.verb_positions(&ctx, &mut found);
            self.held_talks(&ctx, &mut found);
            // A proposal named by this sentence is what "the proposal" means in the next.
            if let Some((_, _, o, ..)) =
                found.iter().find(|f| f.1 == Relation::Proposes && f.2.kind == EntityKind::Position)
            {
                prev_topic = Some(Mention::at(o.clone(), Role::Position, Span::new(0, 0), start, start));
            }
            let sentence_claims = claims.len();
            for (subject, relation, mut object, cue, frame_conf, subject_surface, object_surface, modality, _) in found
            {
                if subject.key == object.key || !subject.kind.is_actor() {
                    continue;
                }
                // One demands or proposes a position, not a state or a person ("demanded
                // that Ottawa drop the tariff": Ottawa is the one asked).
                if matches!(relation, Relation::Demands | Relation::Proposes) && object.kind.is_actor() {
                    continue;
                }
                if object.kind == EntityKind::Position
                    && self.gaz.index_of(&object.key).is_none()
                    && (!phrase_complete(&object.label) || keeping_in_touch(&object.label))
                {
                    continue;
                }
                // A one-word position that the parse reads as no noun ("agreed to work",
                // "kept it minimal") names none; a demand may be an act ("called on the
                // AU to intervene").
                if object.kind == EntityKind::Position
                    && relation != Relation::Demands
                    && self.gaz.index_of(&object.key).is_none()
                    && not_a_noun(ctx.parse.as_ref(), text, &object.label)
                {
                    continue;
                }
                // One sends an envoy or troops, not a state.
                if relation == Relation::Sends && matches!(object.kind, EntityKind::State | EntityKind::Place) {
                    continue;
                }
                // One label per position: the first spelling read ("sanctions relief",
                // later "Sanctions relief", is one node with one name).
                if object.kind == EntityKind::Position {
                    if self.position_labels.len() > 1 << 20 {
                        self.position_labels.clear();
                    }
                    let first = self.position_labels.entry(object.key.clone()).or_insert_with(|| object.label.clone());
                    object.label.clone_from(first);
                }
                let mut reported_by = attr.reporters.clone();
                if let Some(s) = &attr.speaker {
                    if s.key != subject.key && !reported_by.contains(s) {
                        reported_by.push(s.clone());
                    }
                }
                let confidence = (frame_conf - if attr.hedged { 0.1 } else { 0.0 }).max(0.3);
                let claim = Claim {
                    subject,
                    relation,
                    object,
                    evidence,
                    cue,
                    reported_by,
                    hedged: attr.hedged,
                    modality,
                    confidence,
                    subject_surface,
                    object_surface,
                };
                if !claims.iter().any(|c: &Claim| {
                    c.subject == claim.subject
                        && c.relation == claim.relation
                        && c.object == claim.object
                        && c.evidence == claim.evidence
                }) {
                    claims.push(claim);
                }
            }
            drop_cut_objects(&mut claims, sentence_claims);
        }
        Extraction { mentions, claims }
    }

    /// Cue matches in the sentence, longest first at each token, quote marks skipped.
    fn cues_in(&self, ctx: &Ctx) -> Vec<CueHit> {
        let mut out: Vec<CueHit> = Vec::new();
        let mut i = ctx.start;
        while i < ctx.end {
            let mut best: Option<CueHit> = None;
            // After a determiner, a possessive or a name used as a modifier ("a US
            // demand"), a word that is both noun and verb is the noun.
            let after_verb = i > ctx.start
                && self.cues.get(ctx.w(i - 1)).is_some_and(|l| {
                    l.iter().any(|c| c.frame == Frame::Verb && c.words.len() == 1 && c.words[0].ends_with("ed"))
                });
            let noun_context = i > ctx.start
                && (is_in(&DETERMINERS, ctx.w(i - 1))
                    || after_verb
                    || matches!(ctx.w(i - 1), "'s" | "’s")
                    || ctx.ms.iter().any(|m| m.last + 1 == i && m.modifier && m.entity.kind.is_actor()));
            if let Some(list) = self.cues.get(ctx.w(i)) {
                for c in list {
                    if let Some(last) = match_words(ctx, i, &c.words) {
                        let better_frame = best.as_ref().is_some_and(|b| {
                            last == b.last
                                && (c.frame == Frame::Noun) == noun_context
                                && (b.frame == Frame::Noun) != noun_context
                        });
                        if best.as_ref().is_none_or(|b| last > b.last) || better_frame {
                            best = Some(CueHit {
                                first: i,
                                last,
                                relation: c.relation,
                                frame: c.frame,
                                text: ctx.text[ctx.tokens[i].start..ctx.tokens[last].end].to_string(),
                            });
                        }
                    }
                }
            }
            // "a red line for": the cue starting one word later reaches further.
            if let (Some(b), Some(next)) = (&best, self.best_cue_at(ctx, i + 1)) {
                // ("to meet with" over "to meet"; not "calls for" over "dismissed".)
                if next.last > b.last
                    && ((b.frame != Frame::Verb && matches!(next.frame, Frame::For | Frame::Adj))
                        || (next.relation == b.relation && next.frame == b.frame))
                {
                    i += 1;
                    continue;
                }
            }
            // Cue words inside a name or position are not cues ("Peace Council").
            // "refused to comment on", "declined to discuss": silence is no stance.
            let silent = |b: &CueHit| {
                let next = if ctx.w(b.last) == "to" { b.last + 1 } else { b.last + 2 };
                b.relation == Relation::Rejects && parsed::SPEAKING.contains(&ctx.w(next))
            };
            if let Some(b) = best
                .filter(|b| !ctx.ms.iter().any(|m| m.first <= b.first && b.last <= m.last && m.role != Role::Position))
                .filter(|b| !silent(b))
            {
                i = b.last + 1;
                out.push(b);
            } else {
                i += 1;
            }
        }
        out
    }

    fn best_cue_at(&self, ctx: &Ctx, i: usize) -> Option<CueHit> {
        if i >= ctx.end {
            return None;
        }
        let list = self.cues.get(ctx.w(i))?;
        list.iter()
            .filter_map(|c| match_words(ctx, i, &c.words).map(|last| (last, c)))
            .max_by_key(|(last, _)| *last)
            .map(|(last, c)| CueHit {
                first: i,
                last,
                relation: c.relation,
                frame: c.frame,
                text: ctx.text[ctx.tokens[i].start..ctx.tokens[last].end].to_string(),
            })
    }

    /// Applies one cue: finds subject and objects by its frame.
    #[allow(clippy::type_complexity)]
    fn apply(&self, ctx: &Ctx, cue: &CueHit, attr: &Attribution, out: &mut Vec<Found>) {
        let cue_in_quote = ctx.in_quote[cue.first];
        // A one-word verb cue the parse tags as a noun or an adjective ("continuous
        // attacks", "press freedom", "the U.S.-ROK approach") is no verb.
        // (Right after an actor it is the actor's verb, whatever the tagger says:
        // "Tokyo backs Washington's position".)
        let after_actor = ctx.ms.iter().any(|m| m.last + 1 == cue.first && m.is_actor() && !m.possessive);
        if cue.frame == Frame::Verb && cue.first == cue.last && !after_actor && tagged_as_no_verb(ctx, cue.first) {
            return;
        }
        // "back off his threats", "backed down": a particle after a one-word verb cue
        // makes another verb.
        if cue.frame == Frame::Verb && cue.first == cue.last && matches!(ctx.w(cue.last + 1), "off" | "away" | "down") {
            return;
        }
        // "wants to meet Trump": the first verb only sets the modality of the second, when
        // the second has an object of its own ("offered to host talks" stays an offer).
        if cue.frame == Frame::Verb {
            let next = if ctx.w(cue.last) == "to" {
                Some(cue.last + 1)
            } else if ctx.w(cue.last + 1) == "to" {
                Some(cue.last + 2)
            } else {
                None
            };
            if let Some(second) = next.and_then(|n| self.best_cue_at(ctx, n)).filter(|c| c.frame == Frame::Verb) {
                if !self.objects_right(ctx, &second, second.relation).is_empty() {
                    return;
                }
            }
        }
        let modality = self.modality(ctx, cue.first);
        let negated = self.negated(ctx, cue);
        let relation = if negated {
            match cue.relation.negated() {
                Some(r) => r,
                None => return,
            }
        } else {
            cue.relation
        };
        match cue.frame {
            Frame::Verb => {
                let passive = ctx.w(cue.last + 1) == "by"
                    || (cue.first > ctx.start
                        && is_in(BE, ctx.w(cue.first - 1))
                        && (cue.first + 4..=cue.last + 4).any(|k| ctx.w(k) == "by"));
                if passive {
                    let by = (cue.last + 1..ctx.end).find(|&k| ctx.w(k) == "by").unwrap_or(cue.last + 1);
                    let Some(subj) = ctx.ms.iter().find(|m| {
                        m.first > by
                            && m.first <= by + 4
                            && m.is_actor()
                            && !m.possessive
                            && (!m.modifier || m.role == Role::Group)
                    }) else {
                        return;
                    };
                    let Some(obj) = self.object_left(ctx, cue.first, relation) else { return };
                    // "backed by Washington and Ankara": every agent.
                    let mut agents = vec![subj.clone()];
                    let mut last = subj.last;
                    while matches!(ctx.w(last + 1), "and" | ",") {
                        let Some(next) = ctx
                            .ms
                            .iter()
                            .find(|m| m.first > last + 1 && m.first <= last + 3 && m.is_actor() && !m.possessive)
                        else {
                            break;
                        };
                        if (last + 1..next.first).any(|j| !matches!(ctx.w(j), "and" | "," | "the")) {
                            break;
                        }
                        agents.push(next.clone());
                        last = next.last;
                    }
                    for a in &agents {
                        out.push(found(a, relation, &obj, cue, 0.75, modality, ctx));
                    }
                    return;
                }
                if cue.first > ctx.start
                    && is_in(BE, ctx.w(cue.first - 1))
                    && is_participle(ctx.w(cue.first))
                    && ctx.w(cue.last) != "to"
                {
                    return; // passive without an agent: who did it is unknown
                }
                // "Ukraine's demands", "the proposal", "dismissed calls for": a noun, not a verb.
                if cue.first > ctx.start
                    && (matches!(ctx.w(cue.first - 1), "'s" | "’s")
                        || is_in(&DETERMINERS, ctx.w(cue.first - 1))
                        || (ctx.verb_ends.contains(&(cue.first - 1)) && ctx.w(cue.first - 1) != "to"))
                {
                    return;
                }
                let Some(subj) = self.subject_left(ctx, cue, cue_in_quote) else { return };
                if relation == Relation::Meets && ctx.w(cue.first) == "talks" && ctx.w(cue.last) == "between" {
                    return;
                }
                // "urged him to accept the truce": what is asked of him, not his stance.
                if subj.first > ctx.start && ctx.w(subj.last + 1) == "to" && subj.last + 2 == cue.first {
                    let asked = self.best_cue_at(ctx, subj.first - 1).is_some_and(|c| c.relation == Relation::Demands)
                        || matches!(
                            ctx.w(subj.first - 1),
                            "urged" | "asked" | "pressed" | "told" | "called" | "pushed" | "on"
                        );
                    if asked {
                        return;
                    }
                }
                // Objects are found as the cue reads before negation ("would not recognise
                // Palestine" still takes an actor).
                let objects = self.objects_right(ctx, cue, cue.relation);
                let symmetric = matches!(
                    ctx.w(cue.first),
                    "met" | "meet" | "meets" | "held" | "hold" | "holding" | "talked" | "talk" | "negotiated"
                );
                if objects.is_empty() && symmetric && relation == Relation::Meets {
                    // "The United States and Iran held talks": the subjects meet.
                    for other in coordinated_before(ctx, &subj) {
                        out.push(found(&other, relation, &subj, cue, 0.75, modality, ctx));
                    }
                }
                // "Pashinyan and Aliyev initialed the deal", "The US, Egypt and Qatar
                // unveiled …": every coordinated subject.
                let mut subjects = vec![subj.clone()];
                if !symmetric || !objects.is_empty() {
                    subjects.extend(coordinated_before(ctx, &subj));
                }
                for (mut obj, neg) in objects {
                    // "recognised the State of Palestine": supports its recognition.
                    if ctx.w(cue.first).starts_with("recogni") && obj.entity.kind.is_actor() {
                        obj.entity = self.position_named(&format!("recognition of {}", obj.entity.label));
                    }
                    let r = match (neg, relation.negated()) {
                        (false, _) => relation,
                        (true, Some(r)) => r,
                        (true, None) => continue,
                    };
                    for sj in &subjects {
                        out.push(found(sj, r, &obj, cue, 0.8, modality, ctx));
                    }
                }
            }
            Frame::For => {
                // "X is a red line for Y": Y rejects X.
                let Some(subj) = ctx
                    .ms
                    .iter()
                    .filter(|m| m.first > cue.last && m.first <= cue.last + 8 && m.is_actor() && !m.possessive)
                    .find(|m| !m.modifier || m.role == Role::Group)
                else {
                    return;
                };
                let Some(obj) = self.copula_subject(ctx, cue.first) else { return };
                out.push(found(subj, relation, &obj, cue, 0.8, modality, ctx));
            }
            Frame::Adj => {
                let Some(obj) = self.copula_subject(ctx, cue.first) else { return };
                let Some(speaker) = &attr.speaker else { return };
                let subj = pseudo(speaker, cue);
                out.push(found(&subj, relation, &obj, cue, 0.65, modality, ctx));
            }
            Frame::Noun => {
                if relation == Relation::Criticizes {
                    // "X is a sabotage operation, Y said."
                    let Some(obj) = self.copula_subject(ctx, cue.first) else { return };
                    let Some(speaker) = &attr.speaker else { return };
                    let subj = pseudo(speaker, cue);
                    out.push(found(&subj, relation, &obj, cue, 0.6, modality, ctx));
                } else if is_in(POINT_NOUNS, ctx.w(cue.first)) {
                    // "The European proposal's points are a 30-day ceasefire …"
                    let Some(plan) =
                        ctx.ms.iter().find(|m| m.last + 2 == cue.first && m.role == Role::Position && m.possessive)
                    else {
                        return;
                    };
                    let Some(owner_key) = plan.owner.as_deref() else {
                        return;
                    };
                    let Some(owner) = ctx.ms.iter().find(|m| m.entity.key == owner_key) else { return };
                    let be = (cue.last + 1..(cue.last + 3).min(ctx.end))
                        .find(|&k| is_in(BE, ctx.w(k)) || matches!(ctx.w(k), "include" | "includes"));
                    let Some(be) = be else { return };
                    let Some(obj) =
                        ctx.ms.iter().find(|m| m.first > be && m.first <= be + 4 && m.role == Role::Position)
                    else {
                        return;
                    };
                    out.push(found(owner, Relation::Proposes, obj, cue, 0.7, modality, ctx));
                } else if relation == Relation::Demands {
                    // "a US demand to stop buying Russian oil", "Russia's demand for X".
                    let Some(owner) = ctx
                        .ms
                        .iter()
                        .filter(|m| {
                            m.last < cue.first
                                && m.last + 3 >= cue.first
                                && m.is_actor()
                                && (m.possessive || m.modifier)
                        })
                        .max_by_key(|m| m.last)
                    else {
                        return;
                    };
                    let Some(content) = self.content_after(ctx, cue.last) else { return };
                    out.push(found(owner, relation, &content, cue, 0.6, modality, ctx));
                }
            }
            Frame::Backers => {}
        }
    }

    /// Claims read off noun phrases: plan owners propose their plans; backers support.
    fn noun_claims(&self, ctx: &Ctx, out: &mut Vec<Found>) {
        for m in &ctx.ms {
            if let Some(owner_key) = m.owner.as_deref() {
                if let Some(owner) =
                    ctx.ms.iter().find(|o| o.entity.key == owner_key && o.first >= m.first && o.last <= m.last)
                {
                    let cue = CueHit {
                        first: m.first,
                        last: m.last,
                        relation: Relation::Proposes,
                        frame: Frame::Noun,
                        text: ctx.text[m.span.start..m.span.end].to_string(),
                    };
                    out.push(found(owner, Relation::Proposes, m, &cue, 0.6, Modality::Asserted, ctx));
                }
            }
            if m.possessive && m.group_noun.as_deref().is_some_and(|g| is_in(BACKER_NOUNS, g)) {
                if let Some(group) =
                    ctx.ms.iter().find(|g| g.first > m.last && g.first <= m.last + 4 && g.role == Role::Group)
                {
                    let target = Mention { entity: self.state_of(&m.entity), ..m.clone() };
                    let cue = CueHit {
                        first: group.first,
                        last: group.last,
                        relation: Relation::Supports,
                        frame: Frame::Backers,
                        text: ctx.text[m.span.start..group.span.end].to_string(),
                    };
                    out.push(found(group, Relation::Supports, &target, &cue, 0.6, Modality::Asserted, ctx));
                }
            }
        }
    }

    /// Positions said as verb phrases after a modal: "Israel would not withdraw from
    /// Gaza" (rejects the withdrawal), "Kyiv is ready to join NATO" (supports it).
    fn verb_positions(&self, ctx: &Ctx, out: &mut Vec<Found>) {
        // Not "must" or "should": those say what someone else wants of the subject.
        const MODALS: &[&str] = &["will", "would", "shall", "can", "cannot", "won't", "wouldn't", "not", "never"];
        const WILLING: &[&str] = &[
            "ready", "willing", "prepared", "determined", "vowed", "pledged", "promised", "decided", "wants", "want",
            "hopes", "intends", "plans",
        ];
        for m in ctx.ms.iter().filter(|m| m.role == Role::Position && m.first > ctx.start) {
            let surface_first = ctx.tokens[m.first].text(ctx.text);
            if !surface_first.chars().next().is_some_and(char::is_lowercase) {
                continue;
            }
            let prev = ctx.w(m.first - 1);
            let ok =
                is_in(MODALS, prev) || (prev == "to" && m.first >= ctx.start + 2 && is_in(WILLING, ctx.w(m.first - 2)));
            if !ok {
                continue;
            }
            let cue = CueHit {
                first: m.first,
                last: m.first,
                relation: Relation::Supports,
                frame: Frame::Verb,
                text: surface_first.to_string(),
            };
            let Some(subj) = self.subject_left(ctx, &cue, ctx.in_quote[m.first]) else { continue };
            let relation = if self.negated(ctx, &cue) { Relation::Rejects } else { Relation::Supports };
            let modality = self.modality(ctx, m.first);
            out.push(found(&subj, relation, m, &cue, 0.65, modality, ctx));
        }
    }

    /// "The US and Iran held a first round of indirect talks (with X)": a light verb a
    /// few words before "talks" or "negotiations" makes its subjects meet.
    fn held_talks(&self, ctx: &Ctx, out: &mut Vec<Found>) {
        for t in ctx.start..ctx.end {
            if !matches!(ctx.w(t), "talks" | "negotiations" | "consultations")
                || matches!(ctx.w(t + 1), "with" | "between")
            {
                continue;
            }
            let lo = t.saturating_sub(6).max(ctx.start);
            let Some(v) = (lo..t).rev().find(|&k| {
                matches!(
                    ctx.w(k),
                    "held"
                        | "hold"
                        | "holds"
                        | "holding"
                        | "began"
                        | "begin"
                        | "resumed"
                        | "resume"
                        | "concluded"
                        | "opened"
                )
            }) else {
                continue;
            };
            let cue = CueHit::on(ctx, v, t, Relation::Meets, Frame::Verb);
            let Some(subj) = self.subject_left(ctx, &cue, ctx.in_quote[v]) else { continue };
            let modality = self.modality(ctx, v);
            if subj.first >= ctx.start + 2 && ctx.w(subj.first - 1) == "and" {
                if let Some(other) = ctx.ms.iter().find(|m| m.last + 2 == subj.first && m.is_actor() && !m.possessive) {
                    out.push(found(other, Relation::Meets, &subj, &cue, 0.7, modality, ctx));
                }
            }
        }
    }

    /// The subject of an active verb cue: the nearest actor before it in its clause.
    fn subject_left(&self, ctx: &Ctx, cue: &CueHit, cue_in_quote: bool) -> Option<Mention> {
        let lo = ctx.start;
        let event_noun = matches!(
            ctx.w(cue.first),
            "talks" | "meeting" | "negotiations" | "negotiation" | "summit" | "discussions" | "call" | "phone"
        );
        if event_noun && cue.first > lo && matches!(ctx.w(cue.first - 1), "the" | "a") {
            return None;
        }
        ctx.ms
            .iter()
            .filter(|m| m.last < cue.first && m.first >= lo)
            .filter(|m| m.is_actor() || m.role == Role::Speaker)
            .filter(|m| !m.in_pp || m.role == Role::Pronoun && m.possessive)
            .filter(|m| {
                !m.modifier || m.role == Role::Group || (m.last + 1 == cue.first && m.span.end < ctx.tokens[m.last].end)
            })
            .filter(|m| {
                !m.possessive
                    || (event_noun && m.last + 3 >= cue.first)
                    || m.group_noun.is_some() && m.role == Role::Group
            })
            .filter(|m| m.entity.kind != EntityKind::Source)
            .filter(|m| cue_in_quote || !ctx.in_quote[m.first])
            .filter(|m| !(m.possessive && m.group_noun.as_deref().is_some_and(|g| is_in(BACKER_NOUNS, g))))
            .filter(|m| !(ctx.in_quote[m.first] && !cue_in_quote))
            .filter(|m| (m.last + 1..cue.first).all(|k| !matches!(ctx.w(k), ";")))
            // The object of an earlier verb is not the subject of this one ("Sisi received
            // Burhan and urged him …").
            .filter(|m| {
                let mut k = m.first;
                while k > ctx.start && (ctx.w(k - 1) == "the" || is_in(&TITLES, ctx.w(k - 1))) {
                    k -= 1;
                }
                // … unless the verb's object is also the next verb's subject: "directed
                // Witkoff to travel … to meet Putin".
                !(k > ctx.start && ctx.verb_ends.contains(&(k - 1))) || ctx.w(m.last + 1) == "to"
            })
            // Nor the subject of a subordinate clause ("… unless Hezbollah was disarmed,
            // and accused …").
            .filter(|m| {
                !(m.first > ctx.start
                    && matches!(
                        ctx.w(m.first - 1),
                        "unless"
                            | "if"
                            | "while"
                            | "because"
                            | "although"
                            | "though"
                            | "whereas"
                            | "until"
                            | "once"
                            | "since"
                    ))
                    || m.last + 3 >= cue.first
            })
            .max_by_key(|m| m.last)
            .cloned()
    }

    /// Objects to the right of a cue: the first fitting mention in its clause, then any
    /// coordinated ones ("the EU and UK", "a permanent peace …, and not a temporary
    /// ceasefire": the bool marks a negated conjunct).
    fn objects_right(&self, ctx: &Ctx, cue: &CueHit, relation: Relation) -> Vec<(Mention, bool)> {
        let cue_to =
            ctx.w(cue.last) == "to" && matches!(ctx.w(cue.first), "ready" | "prepared" | "willing" | "is" | "open");
        // An actor object is the verb's own object, not one inside a later phrase ("accused
        // the South of staging drills with the United States"), unless the cue ends in
        // its preposition ("talks with").
        let cue_prep = is_in(&PREPOSITIONS, ctx.w(cue.last));
        let fits = |m: &Mention| -> bool {
            if cue_to {
                return m.role == Role::Position;
            }
            if m.role != Role::Position && m.in_pp && !cue_prep && m.first > cue.last + 1 {
                return false;
            }
            if relation.links_actors() {
                m.is_actor() && !m.possessive && (!m.modifier || m.role == Role::Group)
            } else if matches!(relation, Relation::Supports | Relation::Criticizes) {
                // "backs Washington's position": backs Washington.
                // … but "backs Ukraine's bid for EU membership" backs the membership.
                let content_follows = matches!(ctx.w(m.last + 3), "for" | "to" | "of")
                    && ctx.ms.iter().any(|p| p.role == Role::Position && p.first > m.last + 3 && p.first <= m.last + 6);
                let stance = m.possessive
                    && !content_follows
                    && matches!(
                        ctx.w(m.last + 2),
                        "position"
                            | "stance"
                            | "approach"
                            | "policy"
                            | "line"
                            | "efforts"
                            | "bid"
                            | "call"
                            | "proposals"
                            | "views"
                    );
                (m.is_actor() && (!m.possessive || stance) && (!m.modifier || m.role == Role::Group))
                    || m.role == Role::Position
            } else {
                m.role == Role::Position
            }
        };
        let end = clause_end(ctx, cue.last).min(cue.last + 14);
        let end = (cue.last + 1..end).find(|&k| ctx.w(k) == ",").unwrap_or(end);
        let mut out: Vec<(Mention, bool)> = Vec::new();
        let in_window = ctx
            .ms
            .iter()
            .filter(|m| m.first > cue.last && m.first < end && m.entity.kind != EntityKind::Source)
            .find(|m| fits(m));
        // The noun phrase right after the cue is the object, unless it only leads to one
        // ("its commitment to join NATO", "a large part of the plan").
        if let Some((np, verb_phrase)) = self.discover_np(ctx, cue, relation) {
            let leads_on =
                (verb_phrase || matches!(ctx.w(np.last + 1), "of" | "to" | "for" | "on")) && in_window.is_some();
            if !leads_on {
                out.push((np, false));
                return out;
            }
        }
        let Some(first) = in_window else { return out };
        // Nothing but grammar may stand between the cue and its first object.
        out.push((first.clone(), false));
        let mut last = first.last;
        loop {
            let mut k = last + 1;
            let mut conj = false;
            let mut saw_word = false;
            let mut neg = false;
            let mut words = 0;
            while k < ctx.end {
                let w = ctx.w(k);
                if ctx.ms.iter().any(|m| m.first == k) {
                    break;
                }
                if matches!(w, "that" | "which" | "who") {
                    // Skip a relative clause up to the next comma.
                    while k < ctx.end && ctx.w(k) != "," {
                        k += 1;
                    }
                    continue;
                }
                if is_in(CONJUNCTIONS, w) || w == "," {
                    conj = true;
                    saw_word |= w != ",";
                    k += 1;
                    continue;
                }
                if matches!(w, "not" | "also" | "then") || is_in(&DETERMINERS, w) || is_in(&TITLES, w) {
                    neg |= w == "not";
                    k += 1;
                    continue;
                }
                // A verb after "and" starts a new clause ("… and criticised Moscow").
                let verb = self.best_cue_at(ctx, k).is_some() || w.ends_with("ed") || ctx.verb_ends.contains(&k);
                if conj
                    && !verb
                    && words < 2
                    && ctx.tokens[k].kind == TokenKind::Word
                    && w.chars().all(|c| c.is_lowercase() || c == '-')
                {
                    words += 1;
                    k += 1;
                    continue;
                }
                break;
            }
            if !conj {
                break;
            }
            let Some(next) = ctx.ms.iter().find(|m| m.first == k && fits(m)) else { break };
            // "A, B" without "and" is a list only if it goes on ("A, B and C", "A, B, and C").
            if !saw_word && !matches!(ctx.w(next.last + 1), "," | "and" | "or") {
                break;
            }
            out.push((next.clone(), neg));
            last = next.last;
        }
        out
    }

    /// The object of a cue left of it, for passives: the nearest position in the clause.
    fn object_left(&self, ctx: &Ctx, cue_first: usize, relation: Relation) -> Option<Mention> {
        let near = ctx
            .ms
            .iter()
            .filter(|m| m.last < cue_first && m.first >= ctx.start)
            .filter(|m| if relation.links_actors() { m.is_actor() } else { m.role == Role::Position })
            .max_by_key(|m| m.last)
            .cloned();
        if near.is_some() || relation.links_actors() {
            return near;
        }
        // "It was welcomed by Jordan": "it" is what the previous sentence was about.
        let it = (ctx.start..cue_first).find(|&k| matches!(ctx.w(k), "it" | "this"))?;
        ctx.prev_topic.clone().or_else(|| {
            ctx.all.iter().filter(|m| m.role == Role::Position && m.last < it).max_by_key(|m| m.last).cloned()
        })
    }
}

/// A claim found in a sentence, before attribution is added.
/// Whether `KG_TRACE` is set: the extractor then prints, on standard error, each
/// sentence's claims as the word rules and the parse rules read them, before they are
/// merged (for contributors asking why a claim was or was not read).
fn trace() -> bool {
    static TRACE: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *TRACE.get_or_init(|| std::env::var_os("KG_TRACE").is_some())
}

/// A claim found in a sentence: subject, relation, object, cue text, confidence,
/// subject and object surfaces, modality, and the cue's first token.
type Found = (Entity, Relation, Entity, String, f32, String, String, Modality, usize);

/// The confidence of a meeting told of as the topic of another verb ("briefed Kyiv on
/// his call with X"): such a meeting sets no pair for "the two leaders" later on.
const REPORTED_MEETING: f32 = 0.58;

/// Whether the sentence's parse tags token `tok`'s words as nouns, names or adjectives
/// (false where the sentence was not parsed).
fn tagged_as_no_verb(ctx: &Ctx, tok: usize) -> bool {
    let (Some(p), Some(t)) = (ctx.parse.as_ref(), ctx.tokens.get(tok)) else { return false };
    let mut words = p.words.iter().filter(|w| w.start >= t.start && w.end <= t.end).peekable();
    words.peek().is_some() && words.all(|w| matches!(w.upos_name(), "NOUN" | "PROPN" | "ADJ"))
}

/// Whether `label` is one word that the sentence's parse never tags as a noun, a name
/// or a number.
fn not_a_noun(parse: Option<&crate::syntax::Parse>, text: &str, label: &str) -> bool {
    let Some(p) = parse.filter(|_| !label.contains(' ')) else { return false };
    let mut hits =
        p.words.iter().filter(|w| text.get(w.start..w.end).is_some_and(|s| s.eq_ignore_ascii_case(label))).peekable();
    hits.peek().is_some() && hits.all(|w| !matches!(w.upos_name(), "NOUN" | "PROPN" | "NUM" | "X" | "SYM"))
}

/// Drops, among `claims[from..]` (one sentence's), a claim whose position is the start
/// of another's with the same subject and relation ("regional peace" beside "regional
/// peace and security", read from "commitment to working ... to support regional peace
/// and security"): two cues read one object, one of them cut short.
fn drop_cut_objects(claims: &mut Vec<Claim>, from: usize) {
    let cut = |a: &Claim, b: &Claim| {
        a.subject == b.subject
            && a.relation == b.relation
            && a.object.kind == EntityKind::Position
            && b.object.kind == EntityKind::Position
            && b.object.label.len() > a.object.label.len()
            && b.object.label.starts_with(&a.object.label)
            && b.object.label.as_bytes()[a.object.label.len()] == b' '
    };
    let mut k = from;
    while k < claims.len() {
        if (from..claims.len()).any(|j| j != k && cut(&claims[k], &claims[j])) {
            claims.remove(k);
        } else {
            k += 1;
        }
    }
}

/// Whether a position is only staying in touch ("agreed to remain in close contact",
/// "stay in touch on regional issues"): a readout's courtesy, no stance.
fn keeping_in_touch(label: &str) -> bool {
    let words: Vec<String> = label.split_whitespace().take(5).map(str::to_lowercase).collect();
    matches!(words.first().map(String::as_str), Some("remain" | "stay" | "keep" | "be" | "maintain"))
        && words.iter().skip(1).take(3).any(|w| matches!(w.as_str(), "contact" | "touch" | "communication"))
}

/// Whether a position's label read off the text is a whole phrase: not cut after a
/// function word ("drop their", "show to its public that"), at an open quote or a
/// dangling hyphen ("Anti-"), and not a bare time word ("Tuesday").
fn phrase_complete(label: &str) -> bool {
    const DANGLING: &[&str] = &[
        "their", "its", "his", "her", "our", "my", "your", "them", "it", "this", "that", "these", "those", "which",
        "who", "whose", "than", "not", "anti", "so", "very", "more", "most", "such", "would", "will", "could",
        "should", "can", "may", "might", "must", "being", "been", "if", "whether", "while", "also", "whereby",
    ];
    const TIMES: &[&str] = &[
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday", "tomorrow",
        "week", "month", "year", "weekend", "time", "announcement", "statement", "comment", "comments", "remarks",
        "majesty", "highness", "excellency",
    ];
    let quotes = label.chars().filter(|c| matches!(c, '“' | '”' | '"')).count();
    if quotes % 2 == 1 || label.ends_with('-') {
        return false;
    }
    let words: Vec<String> = label.split_whitespace().map(norm).collect();
    let Some(last) = words.last() else { return false };
    let last = last.trim_matches(|c: char| !c.is_alphanumeric());
    if is_in(&DETERMINERS, last)
        || is_in(&PREPOSITIONS, last)
        || is_in(&AUXILIARIES, last)
        || is_in(CONJUNCTIONS, last)
        || DANGLING.contains(&last)
    {
        return false;
    }
    !(words.len() == 1 && TIMES.contains(&last))
}

fn found(
    subj: &Mention,
    relation: Relation,
    obj: &Mention,
    cue: &CueHit,
    conf: f32,
    modality: Modality,
    ctx: &Ctx,
) -> Found {
    let surface = |m: &Mention| ctx.text.get(m.span.start..m.span.end).unwrap_or("").to_string();
    let conf = if matches!(subj.role, Role::Pronoun | Role::Speaker) { conf - 0.1 } else { conf };
    (
        subj.entity.clone(),
        relation,
        obj.entity.clone(),
        cue.text.clone(),
        conf,
        surface(subj),
        surface(obj),
        modality,
        cue.first,
    )
}

/// Actors coordinated before `m`: "A, B and m", "A and m".
fn coordinated_before(ctx: &Ctx, m: &Mention) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut cur = m.first;
    loop {
        // Skip a determiner before the current conjunct ("and the United Arab Emirates").
        let mut k = cur;
        // Skip a determiner, titles and demonyms before the current conjunct ("and the
        // United Arab Emirates", "and Turkish Cypriot leader Ersin Tatar").
        loop {
            if k > ctx.start && (ctx.w(k - 1) == "the" || is_in(&TITLES, ctx.w(k - 1))) {
                k -= 1;
            } else if let Some(d) =
                ctx.ms.iter().find(|d| d.last + 1 == k && d.role == Role::Demonym && d.first >= ctx.start)
            {
                k = d.first;
            } else {
                break;
            }
        }
        if k < ctx.start + 2 || !matches!(ctx.w(k - 1), "and" | ",") {
            break;
        }
        let before = k - 1;
        let before =
            if ctx.w(before) == "and" && before > ctx.start && ctx.w(before - 1) == "," { before - 1 } else { before };
        let Some(prev) = ctx.ms.iter().find(|p| {
            p.last + 1 == before && p.is_actor() && !p.possessive && !p.in_pp && (!p.modifier || p.role == Role::Group)
        }) else {
            break;
        };
        out.push(prev.clone());
        cur = prev.first;
    }
    out
}

/// A mention standing for an entity named only by attribution (the speaker).
fn pseudo(e: &Entity, cue: &CueHit) -> Mention {
    Mention::at(e.clone(), Role::Speaker, Span::new(0, 0), cue.first, cue.first)
}

fn match_words(ctx: &Ctx, i: usize, words: &[String]) -> Option<usize> {
    let mut k = i;
    let mut last = i;
    for (n, w) in words.iter().enumerate() {
        while n > 0 && k < ctx.end && ctx.tokens[k].kind == TokenKind::Quote {
            k += 1;
        }
        if k >= ctx.end || ctx.w(k) != w {
            return None;
        }
        last = k;
        k += 1;
    }
    Some(last)
}

/// Start of the clause holding token `i`: after the last ';', ':' or dash before it.
fn clause_start(ctx: &Ctx, i: usize) -> usize {
    (ctx.start..i).rev().find(|&k| matches!(ctx.w(k), ";" | ":" | "–" | "—")).map(|k| k + 1).unwrap_or(ctx.start)
}

/// End (exclusive) of the clause holding token `i`.
fn clause_end(ctx: &Ctx, i: usize) -> usize {
    (i + 1..ctx.end).find(|&k| matches!(ctx.w(k), ";" | ":" | "–" | "—" | "." | "!" | "?")).unwrap_or(ctx.end)
}

/// Past participles, for passives ("was rejected", "will be sent").
fn is_participle(w: &str) -> bool {
    w.ends_with("ed")
        || matches!(
            w,
            "sent"
                | "held"
                | "met"
                | "put"
                | "brought"
                | "given"
                | "drawn"
                | "made"
                | "seen"
                | "taken"
                | "led"
                | "built"
                | "won"
                | "told"
                | "struck"
                | "sworn"
                | "spurned"
                | "backed"
                | "thrown"
        )
}

fn is_caption(sentence: &str) -> bool {
    sentence.contains('©')
        || sentence.contains("FILE PHOTO")
        || sentence.contains("Getty Images")
        || sentence.starts_with("Photo:")
}

#[cfg(test)]
mod tests;
