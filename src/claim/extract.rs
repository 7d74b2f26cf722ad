//! The claim extractor: cues, frames, attribution, negation, modality, positions.

use std::collections::HashMap;

use super::{Claim, Entity, EntityKind, Modality, Relation, Span};
use crate::entry::{DocumentId, Entry};
use crate::mention::words::*;
use crate::mention::{find_mentions, Gazetteer, Mention, People, Role};
use crate::ontology::{Frame, Ontology, WordClass};
use crate::text::{sentences, Token, TokenKind};

/// Nouns that, with a possessor that is a plan, list what the plan proposes:
/// "the European proposal's points are …".
const POINT_NOUNS: &[&str] = &["points", "clauses", "provisions", "elements"];

/// Head nouns too vague to be a position of their own.
const JUNK_HEADS: &[&str] = &[
    "thing", "things", "way", "time", "part", "issue", "issues", "matter", "question", "it", "that", "this",
    "something", "anything", "nothing", "everything", "point", "details", "progress", "version", "basis", "role",
    "step", "steps", "sides", "side", "number", "wording", "text", "idea", "position", "situation", "talks",
    "meeting", "conditions", "efforts", "deal", "war", "conflict", "subject", "essence", "majority",
    "them", "him", "her", "us", "me", "you", "one", "what", "which", "who", "plan", "proposal", "documents",
    "statement", "comments", "remarks", "terms", "clauses", "points", "aim", "goal", "hopes", "lot",
    "commitment", "ambition", "ambitions", "bid", "desire", "intention", "readiness", "willingness", "right",
    "rights", "demand", "efforts", "attempts", "calls", "size", "parts", "sessions", "details", "steps",
];

/// Words that end a noun phrase.
fn np_stop(w: &str) -> bool {
    is_in(PREPOSITIONS, w)
        || is_in(AUXILIARIES, w)
        || is_in(CONJUNCTIONS, w)
        || matches!(w, "that" | "which" | "who" | "whom" | "whose" | "where" | "when" | "while" | "if" | "because" | "as" | "so" | "unless" | "whereas" | "although" | "though")
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
            let keep = (m.is_actor() || m.role == Role::Position) && m.role != Role::Speaker && !m.entity.key.is_empty();
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
    classes: HashMap<String, Vec<(WordClass, usize)>>,
    class_phrases: Vec<(WordClass, Vec<String>)>,
    people: People,
    plans: HashMap<DocumentId, Vec<Entity>>,
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
        let mut cues: HashMap<String, Vec<CueRef>> = HashMap::new();
        for c in &ontology.lexicon.cues {
            if let Some(first) = c.words.first() {
                cues.entry(first.clone()).or_default().push(CueRef { words: c.words.clone(), relation: c.relation, frame: c.frame });
            }
        }
        for list in cues.values_mut() {
            list.sort_by(|a, b| b.words.len().cmp(&a.words.len()));
        }
        let mut classes: HashMap<String, Vec<(WordClass, usize)>> = HashMap::new();
        let mut class_phrases = Vec::new();
        for (class, forms) in &ontology.lexicon.classes {
            for f in forms {
                let words: Vec<String> = f.split_whitespace().map(str::to_string).collect();
                if let Some(first) = words.first() {
                    classes.entry(first.clone()).or_default().push((*class, class_phrases.len()));
                }
                class_phrases.push((*class, words));
            }
        }
        ClaimExtractor { gaz, titles, cues, classes, class_phrases, people: People::default(), plans: HashMap::new() }
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

    /// The gazetteer in use.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gaz
    }

    /// Extracts the mentions and claims of one entry.
    pub fn extract(&mut self, entry: &Entry) -> Extraction {
        let text = entry.text.as_str();
        let sents = sentences(text);
        let tokens: Vec<Token> = sents.iter().flat_map(|s| s.tokens.iter().copied()).collect();
        let mut ranges = Vec::new();
        let mut k = 0;
        for s in &sents {
            ranges.push((k, k + s.tokens.len()));
            k += s.tokens.len();
        }
        let norms: Vec<String> = tokens.iter().map(|t| norm(t.text(text))).collect();
        let in_quote = crate::text::quote_flags(text, &tokens);
        let mentions = find_mentions(text, &tokens, &ranges, &in_quote, &self.gaz, &self.titles, &mut self.people);
        let mut claims = Vec::new();
        let mut last_speaker: Option<Entity> = None;
        let mut family: Option<String> = None;
        for &(start, end) in &ranges {
            if start == end {
                continue;
            }
            let sentence = &text[tokens[start].start..tokens[end - 1].end];
            if is_caption(sentence) {
                continue;
            }
            let ms: Vec<Mention> = mentions.iter().filter(|m| m.first >= start && m.last < end).cloned().collect();
            let mut ctx = Ctx { text, tokens: &tokens, norms: &norms, in_quote: &in_quote, start, end, ms, verb_ends: Vec::new(), all: &mentions };
            let mut attr = self.attribution(&ctx);
            let whole_quote = (start..end).all(|i| in_quote[i] || tokens[i].kind == TokenKind::Quote);
            if attr.speaker.is_none() && whole_quote {
                attr.speaker = last_speaker.clone();
            }
            if attr.speaker.is_some() {
                last_speaker = attr.speaker.clone();
            }
            // First-person pronouns inside quotes are the speaker.
            let speaker = attr.speaker.clone();
            ctx.ms.retain_mut(|m| {
                if m.role != Role::Speaker {
                    return true;
                }
                match (&speaker, in_quote[m.first]) {
                    (Some(s), true) => {
                        m.entity = s.clone();
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
            self.noun_claims(&ctx, &mut found);
            self.verb_positions(&ctx, &mut found);
            self.held_talks(&ctx, &mut found);
            for (subject, relation, object, cue, frame_conf, subject_surface, object_surface, modality) in found {
                if subject.key == object.key || !subject.kind.is_actor() {
                    continue;
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
                    c.subject == claim.subject && c.relation == claim.relation && c.object == claim.object && c.evidence == claim.evidence
                }) {
                    claims.push(claim);
                }
            }
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
            let noun_context = i > ctx.start
                && (is_in(DETERMINERS, ctx.w(i - 1))
                    || matches!(ctx.w(i - 1), "'s" | "’s")
                    || ctx.ms.iter().any(|m| m.last + 1 == i && m.modifier && m.entity.kind.is_actor()));
            if let Some(list) = self.cues.get(ctx.w(i)) {
                for c in list {
                    if let Some(last) = match_words(ctx, i, &c.words) {
                        let better_frame = best.as_ref().is_some_and(|b| last == b.last && (c.frame == Frame::Noun) == noun_context && (b.frame == Frame::Noun) != noun_context);
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
                if next.last > b.last {
                    i += 1;
                    continue;
                }
            }
            // Cue words inside a name or position are not cues ("Peace Council").
            if let Some(b) = best.filter(|b| !ctx.ms.iter().any(|m| m.first <= b.first && b.last <= m.last && m.role != Role::Position)) {
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

    /// Whether a word class phrase ends at token `i` (inclusive), within the sentence.
    fn class_ending_at(&self, ctx: &Ctx, i: usize, class: WordClass) -> bool {
        self.class_phrases.iter().any(|(c, words)| {
            *c == class && i + 1 >= words.len() + ctx.start && {
                let s = i + 1 - words.len();
                (0..words.len()).all(|k| ctx.w(s + k) == words[k])
            }
        })
    }

    fn class_at(&self, ctx: &Ctx, i: usize, class: WordClass) -> Option<usize> {
        let list = self.classes.get(ctx.w(i))?;
        list.iter()
            .filter(|(c, _)| *c == class)
            .filter_map(|(_, p)| match_words(ctx, i, &self.class_phrases[*p].1))
            .max()
    }

    fn has_class(&self, ctx: &Ctx, range: std::ops::Range<usize>, class: WordClass) -> bool {
        range.into_iter().any(|i| self.class_at(ctx, i, class).is_some() || is_negation_token(ctx.w(i)) && class == WordClass::Negation)
    }

    /// Speaker, reporters and hedging of a sentence.
    fn attribution(&self, ctx: &Ctx) -> Attribution {
        let mut a = Attribution::default();
        for i in ctx.start..ctx.end {
            if ctx.in_quote[i] {
                continue;
            }
            if self.class_at(ctx, i, WordClass::Hedge).is_some() {
                a.hedged = true;
            }
        }
        let sources: Vec<&Mention> = ctx.ms.iter().filter(|m| m.entity.kind == EntityKind::Source).collect();
        for s in &sources {
            if !a.reporters.contains(&s.entity) {
                a.reporters.push(s.entity.clone());
            }
        }
        // "X cited Y as saying": Y speaks.
        for i in ctx.start..ctx.end {
            if matches!(ctx.w(i), "cited" | "quoted") {
                if let Some(m) = ctx.ms.iter().find(|m| m.first > i && m.first <= i + 6 && speaker_kind(m)) {
                    a.speaker = Some(m.entity.clone());
                }
            }
        }
        // Speech verbs outside quotes: the actor just before ("Lavrov has said"), or
        // just after ("said Lavrov").
        if a.speaker.is_none() {
            let speech: Vec<usize> = (ctx.start..ctx.end)
                .filter(|&i| !ctx.in_quote[i] && self.class_at(ctx, i, WordClass::Speech).is_some())
                .collect();
            for &i in speech.iter().rev() {
                let before = ctx
                    .ms
                    .iter()
                    .filter(|m| m.last < i && m.last + 5 >= i && speaker_kind(m) && !m.in_pp && !m.possessive)
                    .filter(|m| (m.last + 1..i).all(|k| is_in(AUXILIARIES, ctx.w(k)) || matches!(ctx.w(k), "also" | "reportedly" | "later" | "earlier" | "previously" | "long" | "repeatedly" | "now" | "again" | "publicly")))
                    .max_by_key(|m| m.last);
                // "…, said Lavrov." — but not "said Israel would …".
                let after = ctx
                    .ms
                    .iter()
                    .find(|m| m.first == i + 1 && speaker_kind(m))
                    .filter(|m| m.last + 1 >= ctx.end || matches!(ctx.w(m.last + 1), "," | "." | ";" | "on" | "in" | "at"));
                if let Some(m) = before.or(after) {
                    a.speaker = Some(m.entity.clone());
                    break;
                }
            }
        }
        // "according to X", "citing X": X is the speaker when an actor, else a reporter.
        for i in ctx.start..ctx.end {
            let lead = match (ctx.w(i), ctx.w(i + 1)) {
                ("according", "to") => Some(i + 2),
                ("citing", _) => Some(i + 1),
                _ => None,
            };
            let Some(from) = lead else { continue };
            if let Some(m) = ctx.ms.iter().filter(|m| m.first >= from && m.first <= from + 6).min_by_key(|m| m.first) {
                if m.entity.kind == EntityKind::Source {
                    continue;
                }
                if m.entity.kind.is_actor() && !m.locative {
                    if a.speaker.is_none() {
                        a.speaker = Some(m.entity.clone());
                    } else if !a.reporters.contains(&m.entity) {
                        a.reporters.push(m.entity.clone());
                    }
                }
            }
        }
        a
    }

    /// Marks quantities ("30-day ceasefire", "army cap of 600,000") as positions.
    fn quantities(&self, ctx: &mut Ctx, family: &mut Option<String>) {
        // A duration or amount right before a known position qualifies it.
        for m in ctx.ms.iter_mut().filter(|m| m.role == Role::Position) {
            if m.first == 0 || m.first <= ctx.start {
                continue;
            }
            let prev = ctx.tokens[m.first - 1].text(ctx.text);
            let is_duration = prev.split('-').next().is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()) && !n.is_empty())
                && prev.contains('-');
            if is_duration {
                let label = format!("{} {}", prev.to_lowercase(), m.entity.label);
                m.entity = Entity::from_label(EntityKind::Position, &label);
                m.first -= 1;
                m.span.start = ctx.tokens[m.first].start;
            }
        }
        // Army size caps: a number with army words and cap words within a clause.
        let (s, e) = (ctx.start, ctx.end);
        let mut i = s;
        while i < e {
            let Some((num_first, num_last, amount)) = number_at(ctx, i) else {
                i += 1;
                continue;
            };
            let lo = clause_start(ctx, num_first).max(num_first.saturating_sub(12));
            let hi = clause_end(ctx, num_last).min(num_last + 6);
            let window: Vec<&str> = (lo..hi).map(|k| ctx.w(k)).collect();
            let army = window.iter().any(|w| matches!(*w, "army" | "troops" | "personnel" | "soldiers" | "servicemen" | "military" | "forces" | "armed"));
            let cap = window.iter().any(|w| matches!(*w, "cap" | "capped" | "caps" | "limit" | "limits" | "limited" | "ceiling" | "size" | "strength" | "number" | "reduce" | "reduction" | "maximum"));
            let fam = if army && cap {
                Some("army cap".to_string())
            } else if cap && window.iter().any(|w| matches!(*w, "number" | "figure" | "that")) {
                family.clone()
            } else {
                None
            };
            if let Some(f) = fam {
                *family = Some(f.clone());
                let label = format!("{f} of {amount}");
                let first = num_first;
                ctx.ms.retain(|m| !(m.role == Role::Position && m.first >= lo && m.last < hi));
                ctx.ms.push(Mention {
                    entity: Entity::from_label(EntityKind::Position, &label),
                    role: Role::Position,
                    span: Span::new(ctx.tokens[first].start, ctx.tokens[num_last].end),
                    first,
                    last: num_last,
                    possessive: false,
                    locative: false,
                    in_pp: false,
                    modifier: false,
                    group_noun: None,
                });
                ctx.ms.sort_by_key(|m| (m.first, m.last));
            }
            i = num_last + 1;
        }
    }

    /// Finds plan phrases ("Trump's peace plan", "the US-drafted proposal", "the European
    /// counter-plan") and adds them as position mentions, remembering each document's plans.
    fn plans_in(&mut self, ctx: &mut Ctx, doc: DocumentId) {
        let plan_nouns: Vec<&str> = self
            .cues
            .values()
            .flatten()
            .filter(|c| c.frame == Frame::Noun && c.relation == Relation::Proposes && c.words.len() == 1)
            .map(|c| c.words[0].as_str())
            .filter(|w| !is_in(POINT_NOUNS, w))
            .collect();
        let mut new = Vec::new();
        let mut i = ctx.start;
        while i < ctx.end {
            let w = ctx.w(i).to_string();
            let tail = w.rsplit('-').next().unwrap_or(&w).to_string();
            let next_lower = ctx.tokens.get(i + 1).is_some_and(|t| t.kind == TokenKind::Word && i + 1 < ctx.end && t.text(ctx.text).chars().all(|c| c.is_lowercase() || c == '-'));
            let is_plan = plan_nouns.contains(&w.as_str()) || (w.contains('-') && plan_nouns.contains(&tail.as_str()) && !w.starts_with("counter") && !next_lower);
            let inside = ctx.ms.iter().any(|m| m.first <= i && i <= m.last && m.role == Role::Position);
            // The last plan noun of a compound ("draft peace plan") is the head.
            let next_is_plan = plan_nouns.contains(&ctx.w(i + 1)) || ctx.w(i + 1) == "peace" && plan_nouns.contains(&ctx.w(i + 2));
            // "ceasefire proposal", "minerals deal": a plan about a known position is that position.
            let about_position = i > ctx.start && ctx.ms.iter().any(|m| m.last + 1 == i && m.role == Role::Position);
            if !is_plan || inside || next_is_plan || about_position || (ctx.w(i + 1) == "with" && w == "deal") {
                i += 1;
                continue;
            }
            // "US-drafted" compounds name an owner but not the head: only a hyphen
            // compound whose last part is a plan noun ("US-draft") counts when it is the head.
            let counter = w.starts_with("counter");
            // Walk left over modifiers to find the owner.
            let mut k = i;
            let mut owner: Option<(Entity, String)> = None;
            let mut topic: Option<String> = None;
            let mut j = i;
            let mut steps = 0;
            let mut loose_modifier = false;
            let mut not_a_plan = false;
            while j > ctx.start && steps < 6 {
                j -= 1;
                steps += 1;
                let wj = ctx.w(j).to_string();
                if let Some(m) = ctx.ms.iter().find(|m| m.first <= j && j <= m.last) {
                    // A bare name owns the plan only next to it ("the US plan"); past
                    // other modifiers it may be a subject ("Azerbaijan initial(ed) the deal").
                    let possessive = matches!(ctx.w(m.last + 1), "'s" | "’s") || m.possessive;
                    let compound = m.span.end < ctx.tokens[m.last].end;
                    let owns = possessive || compound || m.role == Role::Demonym || !loose_modifier;
                    if m.entity.kind.is_actor() && !matches!(m.role, Role::Pronoun | Role::Speaker) && owns {
                        if owner.is_none() {
                            owner = Some((m.entity.clone(), ctx.text[m.span.start..m.span.end].to_string()));
                        }
                        k = m.first;
                        j = m.first;
                        if m.first > 0 && ctx.w(m.first - 1) == "the" {
                            k = m.first - 1;
                        }
                        // Stop after a possessor: what is before it is not ours.
                        if ctx.w(m.last + 1) == "'s" || ctx.w(m.last + 1) == "’s" || m.possessive {
                            break;
                        }
                        continue;
                    }
                    if m.entity.kind == EntityKind::Place {
                        topic = Some(m.entity.label.clone());
                        k = m.first;
                        j = m.first;
                        continue;
                    }
                    break;
                }
                if wj == "'s" || wj == "’s" || ctx.tokens[j].kind == TokenKind::Quote {
                    continue;
                }
                if is_in(DETERMINERS, &wj) {
                    k = j;
                    break;
                }
                if wj.contains('-') || matches!(wj.as_str(), "peace" | "draft" | "amended" | "initial" | "updated" | "new" | "revised" | "original" | "latest" | "final" | "joint" | "so-called" | "full" | "proposed" | "controversial" | "potential" | "current" | "framework" | "american" | "28-point" | "20-point") || is_plan_modifier(&wj) {
                    loose_modifier |= !matches!(wj.as_str(), "peace" | "draft" | "framework") && !is_plan_modifier(&wj);
                    k = j;
                    continue;
                }
                // "the corridor plan", "a reform plan": a plan about something else.
                if owner.is_none() && j + 1 == i && ctx.tokens[j].kind == TokenKind::Word && wj.chars().all(|c| c.is_lowercase()) && !is_in(PREPOSITIONS, &wj) && !is_in(AUXILIARIES, &wj) && !is_in(CONJUNCTIONS, &wj) {
                    not_a_plan = true;
                    break;
                }

                break;
            }
            if not_a_plan {
                i += 1;
                continue;
            }
            // "the counter-plan brought forward by X": X owns it.
            if owner.is_none() {
                let mut r = i + 1;
                while r < ctx.end && ctx.tokens[r].kind == TokenKind::Quote {
                    r += 1;
                }
                let proposed = self.best_cue_at(ctx, r).filter(|c| c.relation == Relation::Proposes && c.frame == Frame::Verb);
                if let Some(c) = proposed.filter(|c| ctx.w(c.last + 1) == "by") {
                    if let Some(m) = ctx.ms.iter().find(|m| m.first > c.last + 1 && m.first <= c.last + 5 && m.is_actor() && !m.possessive && (!m.modifier || m.role == Role::Group)) {
                        owner = Some((m.entity.clone(), String::new()));
                    }
                }
            }
            let owner_state = owner.as_ref().map(|(e, _)| self.state_of(e));
            let kind = if counter { "counter-plan" } else { "plan" };
            let label = match &owner_state {
                Some(st) => format!("{} {} {}", self.adjective(st), topic.as_deref().unwrap_or("peace"), kind),
                None => String::new(),
            };
            let kind_label = if counter { "counter-plan".to_string() } else { format!("{} plan", topic.as_deref().unwrap_or("peace")) };
            // "any plan to displace …", "a plan to …": an idea of its own, not a known plan.
            if owner.is_none() && ctx.w(i + 1) == "to" {
                i += 1;
                continue;
            }
            // "an Israeli proposal to create a buffer zone": the owner proposes the content,
            // a known position if one is named there, else the phrase itself.
            // "Maduro's offer of talks": the offer is its content.
            if ctx.w(i + 1) == "of" && !counter {
                let limit = clause_end(ctx, i).min(i + 7);
                let stop = (i + 2..limit).find(|&j| ctx.tokens[j].kind != TokenKind::Word || (j > i + 2 && np_stop(ctx.w(j)))).unwrap_or(limit);
                let names_actor = ctx.ms.iter().any(|m| m.first > i + 1 && m.first < stop && m.entity.kind.is_actor());
                if stop > i + 2 && !names_actor {
                    let entity = match ctx.ms.iter().find(|m| m.role == Role::Position && m.first > i + 1 && m.last < stop) {
                        Some(p) => p.entity.clone(),
                        None => Entity::from_label(EntityKind::Position, &ctx.text[ctx.tokens[i].start..ctx.tokens[stop - 1].end]),
                    };
                    ctx.ms.retain(|m| !(m.role == Role::Position && m.first > i && m.last < stop));
                    new.push((k, stop - 1, entity, owner.clone()));
                    i = stop;
                    continue;
                }
            }
            // ("a plan to end the war" is a peace plan: handled below.)
            let ends_war = matches!(ctx.w(i + 2), "end" | "stop" | "resolve" | "settle" | "halt" | "bring");
            if ctx.w(i + 1) == "to" && !ends_war && ctx.tokens.get(i + 2).is_some_and(|t| t.kind == TokenKind::Word && t.text(ctx.text).chars().all(|c| c.is_lowercase())) {
                let limit = clause_end(ctx, i).min(i + 9);
                let stop = (i + 2..limit).find(|&j| j > i + 2 && (np_stop(ctx.w(j)) && !matches!(ctx.w(j), "along" | "on" | "in" | "of" | "to") || ctx.w(j) == ",")).unwrap_or(limit);
                let entity = match ctx.ms.iter().find(|m| m.role == Role::Position && m.first > i + 1 && m.last < stop) {
                    Some(p) => p.entity.clone(),
                    None => Entity::from_label(EntityKind::Position, &ctx.text[ctx.tokens[i].start..ctx.tokens[stop - 1].end]),
                };
                let last = stop - 1;
                ctx.ms.retain(|m| !(m.role == Role::Position && m.first > i && m.last <= last));
                new.push((k, last, entity, owner.clone()));
                i = stop;
                continue;
            }
            let definite = k >= ctx.start && matches!(ctx.w(k), "the" | "this" | "that" | "its" | "their" | "his" | "her");
            let entity = if label.is_empty() {
                // No owner: "the plan" is the document's latest plan of this kind, else
                // ("Ankara insisted on two states. Nicosia rejected the proposal.") the
                // entry's latest known position.
                let plans = self.plans.get(&doc).filter(|_| definite);
                plans
                    .and_then(|p| p.iter().rev().find(|e| e.label.ends_with(kind)).cloned())
                    .or_else(|| {
                        (definite && !counter)
                            .then(|| ctx.all.iter().filter(|m| m.role == Role::Position && m.last < ctx.start).max_by_key(|m| m.last))
                            .flatten()
                            .map(|m| m.entity.clone())
                    })
                    .unwrap_or_else(|| Entity::from_label(EntityKind::Position, &kind_label))
            } else {
                let label = label.replace("peace counter-plan", "counter-plan");
                let e = Entity::from_label(EntityKind::Position, &label);
                let list = self.plans.entry(doc).or_default();
                list.retain(|x| x != &e);
                list.push(e.clone());
                e
            };
            new.push((k, i, entity, owner.map(|(e, surface)| (e, surface))));
            i += 1;
        }
        for (first, last, entity, owner) in new {
            let span = Span::new(ctx.tokens[first].start, ctx.tokens[last].end);
            ctx.ms.retain(|m| !(m.first >= first && m.last <= last && m.role == Role::Position));
            let mut m = Mention {
                entity,
                role: Role::Position,
                span,
                first,
                last,
                possessive: matches!(ctx.w(last + 1), "'s" | "’s"),
                locative: false,
                in_pp: false,
                modifier: false,
                group_noun: None,
            };
            // The owner proposes the plan: kept in group_noun as "owner:<key>" for noun_claims.
            if let Some((o, _)) = owner {
                m.group_noun = Some(format!("owner:{}", o.key));
                if !ctx.ms.iter().any(|x| x.entity.key == o.key && x.first >= first && x.last <= last) {
                    // Owner from a hyphen compound is already a mention; nothing to add.
                }
            }
            ctx.ms.push(m);
        }
        ctx.ms.sort_by_key(|m| (m.first, m.last));
    }

    /// The state a person acts for (for plan labels): leader-of, else affiliation.
    fn state_of(&self, e: &Entity) -> Entity {
        if e.kind != EntityKind::Person {
            return e.clone();
        }
        let Some(r) = self.gaz.get(&e.key) else { return e.clone() };
        r.leader_of
            .first()
            .or(r.affiliations.first())
            .and_then(|k| self.gaz.index_of(k))
            .map(|i| self.gaz.entity(i))
            .unwrap_or_else(|| e.clone())
    }

    /// The adjective for an owner: its demonym ("American", "European"), else its label.
    fn adjective(&self, e: &Entity) -> String {
        self.gaz
            .get(&e.key)
            .and_then(|r| r.demonyms.first().cloned())
            .unwrap_or_else(|| e.label.clone())
    }

    /// Applies one cue: finds subject and objects by its frame.
    #[allow(clippy::type_complexity)]
    fn apply(&self, ctx: &Ctx, cue: &CueHit, attr: &Attribution, out: &mut Vec<Found>) {
        let cue_in_quote = ctx.in_quote[cue.first];
        // "wants to meet": the first verb only sets the modality of the second.
        if cue.frame == Frame::Verb && ctx.w(cue.last) == "to" {
            let next = cue.last + 1;
            if self.cues.get(ctx.w(next)).is_some_and(|l| l.iter().any(|c| c.frame == Frame::Verb && match_words(ctx, next, &c.words).is_some())) {
                return;
            }
        }
        if cue.frame == Frame::Verb && ctx.w(cue.last + 1) == "to" {
            let next = cue.last + 2;
            if self.cues.get(ctx.w(next)).is_some_and(|l| l.iter().any(|c| c.frame == Frame::Verb && match_words(ctx, next, &c.words).is_some())) {
                return;
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
                    || (cue.first > ctx.start && is_in(BE, ctx.w(cue.first - 1)) && (cue.first + 4..=cue.last + 4).any(|k| ctx.w(k) == "by"));
                if passive {
                    let by = (cue.last + 1..ctx.end).find(|&k| ctx.w(k) == "by").unwrap_or(cue.last + 1);
                    let Some(subj) = ctx.ms.iter().find(|m| m.first > by && m.first <= by + 4 && m.is_actor() && !m.possessive && (!m.modifier || m.role == Role::Group)) else { return };
                    let Some(obj) = self.object_left(ctx, cue.first, relation) else { return };
                    out.push(found(subj, relation, &obj, cue, 0.75, modality, ctx));
                    return;
                }
                if cue.first > ctx.start && is_in(BE, ctx.w(cue.first - 1)) && is_participle(ctx.w(cue.first)) && ctx.w(cue.last) != "to" {
                    return; // passive without an agent: who did it is unknown
                }
                // "Ukraine's demands", "the proposal": a noun, not a verb.
                if cue.first > ctx.start && (matches!(ctx.w(cue.first - 1), "'s" | "’s") || is_in(DETERMINERS, ctx.w(cue.first - 1))) {
                    return;
                }
                let Some(subj) = self.subject_left(ctx, cue, cue_in_quote) else { return };
                if relation == Relation::Meets && ctx.w(cue.first) == "talks" && ctx.w(cue.last) == "between" {
                    return;
                }
                // "urged him to accept the truce": what is asked of him, not his stance.
                if subj.first > ctx.start && ctx.w(subj.last + 1) == "to" && subj.last + 2 == cue.first {
                    let asked = self.best_cue_at(ctx, subj.first - 1).is_some_and(|c| c.relation == Relation::Demands)
                        || matches!(ctx.w(subj.first - 1), "urged" | "asked" | "pressed" | "told" | "called" | "pushed" | "on");
                    if asked {
                        return;
                    }
                }
                let objects = self.objects_right(ctx, cue, relation);
                let symmetric = matches!(ctx.w(cue.first), "met" | "meet" | "meets" | "held" | "hold" | "holding" | "talked" | "talk" | "negotiated");
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
                for (obj, neg) in objects {
                    let r = if neg { relation.negated().unwrap_or(relation) } else { relation };
                    for sj in &subjects {
                        out.push(found(sj, r, &obj, cue, 0.8, modality, ctx));
                    }
                }
            }
            Frame::For => {
                // "X is a red line for Y": Y rejects X.
                let Some(subj) = ctx.ms.iter().filter(|m| m.first > cue.last && m.first <= cue.last + 8 && m.is_actor() && !m.possessive).find(|m| !m.modifier || m.role == Role::Group) else { return };
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
                    let Some(plan) = ctx.ms.iter().find(|m| m.last + 2 == cue.first && m.role == Role::Position && m.possessive) else { return };
                    let Some(owner_key) = plan.group_noun.as_deref().and_then(|g| g.strip_prefix("owner:")) else { return };
                    let Some(owner) = ctx.ms.iter().find(|m| m.entity.key == owner_key) else { return };
                    let be = (cue.last + 1..(cue.last + 3).min(ctx.end)).find(|&k| is_in(BE, ctx.w(k)) || matches!(ctx.w(k), "include" | "includes"));
                    let Some(be) = be else { return };
                    let Some(obj) = ctx.ms.iter().find(|m| m.first > be && m.first <= be + 4 && m.role == Role::Position) else { return };
                    out.push(found(owner, Relation::Proposes, obj, cue, 0.7, modality, ctx));
                } else if relation == Relation::Demands {
                    // "a US demand to stop buying Russian oil", "Russia's demand for X".
                    let Some(owner) = ctx.ms.iter().filter(|m| m.last < cue.first && m.last + 3 >= cue.first && m.is_actor() && (m.possessive || m.modifier)).max_by_key(|m| m.last) else { return };
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
            if let Some(owner_key) = m.group_noun.as_deref().and_then(|g| g.strip_prefix("owner:")) {
                if let Some(owner) = ctx.ms.iter().find(|o| o.entity.key == owner_key && o.first >= m.first && o.last <= m.last) {
                    let cue = CueHit { first: m.first, last: m.last, relation: Relation::Proposes, frame: Frame::Noun, text: ctx.text[m.span.start..m.span.end].to_string() };
                    out.push(found(owner, Relation::Proposes, m, &cue, 0.6, Modality::Asserted, ctx));
                }
            }
            if m.possessive && m.group_noun.as_deref().is_some_and(|g| is_in(BACKER_NOUNS, g)) {
                if let Some(group) = ctx.ms.iter().find(|g| g.first > m.last && g.first <= m.last + 4 && g.role == Role::Group) {
                    let target = Mention { entity: self.state_of(&m.entity), ..m.clone() };
                    let cue = CueHit { first: group.first, last: group.last, relation: Relation::Supports, frame: Frame::Backers, text: ctx.text[m.span.start..group.span.end].to_string() };
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
        const WILLING: &[&str] = &["ready", "willing", "prepared", "determined", "vowed", "pledged", "promised", "decided", "wants", "want", "hopes", "intends", "plans"];
        for m in ctx.ms.iter().filter(|m| m.role == Role::Position && m.first > ctx.start) {
            let surface_first = ctx.tokens[m.first].text(ctx.text);
            if !surface_first.chars().next().is_some_and(char::is_lowercase) {
                continue;
            }
            let prev = ctx.w(m.first - 1);
            let ok = is_in(MODALS, prev) || (prev == "to" && m.first >= ctx.start + 2 && is_in(WILLING, ctx.w(m.first - 2)));
            if !ok {
                continue;
            }
            let cue = CueHit { first: m.first, last: m.first, relation: Relation::Supports, frame: Frame::Verb, text: surface_first.to_string() };
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
            if !matches!(ctx.w(t), "talks" | "negotiations" | "consultations") || matches!(ctx.w(t + 1), "with" | "between") {
                continue;
            }
            let lo = t.saturating_sub(6).max(ctx.start);
            let Some(v) = (lo..t).rev().find(|&k| matches!(ctx.w(k), "held" | "hold" | "holds" | "holding" | "began" | "begin" | "resumed" | "resume" | "concluded" | "opened")) else { continue };
            let cue = CueHit { first: v, last: t, relation: Relation::Meets, frame: Frame::Verb, text: ctx.text[ctx.tokens[v].start..ctx.tokens[t].end].to_string() };
            let Some(subj) = self.subject_left(ctx, &cue, ctx.in_quote[v]) else { continue };
            let modality = self.modality(ctx, v);
            if subj.first >= ctx.start + 2 && ctx.w(subj.first - 1) == "and" {
                if let Some(other) = ctx.ms.iter().find(|m| m.last + 2 == subj.first && m.is_actor() && !m.possessive) {
                    out.push(found(other, Relation::Meets, &subj, &cue, 0.7, modality, ctx));
                }
            }
        }
    }

    fn modality(&self, ctx: &Ctx, cue_first: usize) -> Modality {
        let lo = cue_first.saturating_sub(4).max(ctx.start);
        let range = lo..cue_first;
        if range.clone().any(|i| self.class_ending_at(ctx, i, WordClass::Hoped)) {
            Modality::Hoped
        } else if range.clone().any(|i| self.class_ending_at(ctx, i, WordClass::Possible)) {
            Modality::Possible
        } else if range.clone().any(|i| self.class_ending_at(ctx, i, WordClass::Planned)) || ctx.w(cue_first) == "to" {
            Modality::Planned
        } else {
            Modality::Asserted
        }
    }

    /// A negation between the start of the clause (at most five words back) and the cue.
    fn negated(&self, ctx: &Ctx, cue: &CueHit) -> bool {
        // Cues that carry their own negation ("will not accept") are not negated again.
        if cue.text.split_whitespace().any(|w| is_negation_token(&norm(w)) || norm(w) == "not") {
            return false;
        }
        let lo = clause_start(ctx, cue.first).max(cue.first.saturating_sub(5)).max(ctx.start);
        let covered = |i: usize| ctx.ms.iter().any(|m| m.first <= i && i <= m.last);
        (lo..cue.first).any(|i| !covered(i) && (self.class_at(ctx, i, WordClass::Negation).is_some() || is_negation_token(ctx.w(i))))
            && !self.has_class(ctx, cue.last + 1..cue.last + 2, WordClass::Negation)
    }

    /// The subject of an active verb cue: the nearest actor before it in its clause.
    fn subject_left(&self, ctx: &Ctx, cue: &CueHit, cue_in_quote: bool) -> Option<Mention> {
        let lo = ctx.start;
        let event_noun = matches!(ctx.w(cue.first), "talks" | "meeting" | "negotiations" | "negotiation" | "summit" | "discussions" | "call" | "phone");
        if event_noun && cue.first > lo && matches!(ctx.w(cue.first - 1), "the" | "a") {
            return None;
        }
        ctx.ms
            .iter()
            .filter(|m| m.last < cue.first && m.first >= lo)
            .filter(|m| m.is_actor() || m.role == Role::Speaker)
            .filter(|m| !m.in_pp || m.role == Role::Pronoun && m.possessive)
            .filter(|m| !m.modifier || m.role == Role::Group || (m.last + 1 == cue.first && m.span.end < ctx.tokens[m.last].end))
            .filter(|m| !m.possessive || (event_noun && m.last + 3 >= cue.first) || m.group_noun.is_some() && m.role == Role::Group)
            .filter(|m| m.entity.kind != EntityKind::Source)
            .filter(|m| cue_in_quote || !ctx.in_quote[m.first])
            .filter(|m| !(m.possessive && m.group_noun.as_deref().is_some_and(|g| is_in(BACKER_NOUNS, g))))
            .filter(|m| !(ctx.in_quote[m.first] && !cue_in_quote))
            .filter(|m| (m.last + 1..cue.first).all(|k| !matches!(ctx.w(k), ";")))
            // The object of an earlier verb is not the subject of this one ("Sisi received
            // Burhan and urged him …").
            .filter(|m| {
                let mut k = m.first;
                while k > ctx.start && (ctx.w(k - 1) == "the" || is_in(TITLES, ctx.w(k - 1))) {
                    k -= 1;
                }
                // … unless the verb's object is also the next verb's subject: "directed
                // Witkoff to travel … to meet Putin".
                !(k > ctx.start && ctx.verb_ends.contains(&(k - 1))) || ctx.w(m.last + 1) == "to"
            })
            // Nor the subject of a subordinate clause ("… unless Hezbollah was disarmed,
            // and accused …").
            .filter(|m| !(m.first > ctx.start && matches!(ctx.w(m.first - 1), "unless" | "if" | "while" | "because" | "although" | "though" | "whereas" | "until" | "once" | "since")) || m.last + 3 >= cue.first)
            .max_by_key(|m| m.last)
            .cloned()
    }

    /// Objects to the right of a cue: the first fitting mention in its clause, then any
    /// coordinated ones ("the EU and UK", "a permanent peace …, and not a temporary
    /// ceasefire": the bool marks a negated conjunct).
    fn objects_right(&self, ctx: &Ctx, cue: &CueHit, relation: Relation) -> Vec<(Mention, bool)> {
        let cue_to = ctx.w(cue.last) == "to" && matches!(ctx.w(cue.first), "ready" | "prepared" | "willing" | "is" | "open");
        // An actor object is the verb's own object, not one inside a later phrase ("accused
        // the South of staging drills with the United States"), unless the cue ends in
        // its preposition ("talks with").
        let cue_prep = is_in(PREPOSITIONS, ctx.w(cue.last));
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
                let content_follows = matches!(ctx.w(m.last + 3), "for" | "to" | "of") && ctx.ms.iter().any(|p| p.role == Role::Position && p.first > m.last + 3 && p.first <= m.last + 6);
                let stance = m.possessive && !content_follows && matches!(ctx.w(m.last + 2), "position" | "stance" | "approach" | "policy" | "line" | "efforts" | "bid" | "call" | "proposals" | "views");
                (m.is_actor() && (!m.possessive || stance) && (!m.modifier || m.role == Role::Group)) || m.role == Role::Position
            } else {
                m.role == Role::Position
            }
        };
        let end = clause_end(ctx, cue.last).min(cue.last + 14);
        let end = (cue.last + 1..end).find(|&k| ctx.w(k) == ",").unwrap_or(end);
        let mut out: Vec<(Mention, bool)> = Vec::new();
        let in_window = ctx.ms.iter().filter(|m| m.first > cue.last && m.first < end && m.entity.kind != EntityKind::Source).find(|m| fits(m));
        // The noun phrase right after the cue is the object, unless it only leads to one
        // ("its commitment to join NATO", "a large part of the plan").
        if let Some(mut np) = self.discover_np(ctx, cue, relation) {
            let verb_phrase = np.group_noun.take().is_some();
            let leads_on = (verb_phrase || matches!(ctx.w(np.last + 1), "of" | "to" | "for" | "on")) && in_window.is_some();
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
                if matches!(w, "not" | "also" | "then") || is_in(DETERMINERS, w) || is_in(TITLES, w) {
                    neg |= w == "not";
                    k += 1;
                    continue;
                }
                // A verb after "and" starts a new clause ("… and criticised Moscow").
                let verb = self.best_cue_at(ctx, k).is_some() || w.ends_with("ed") || ctx.verb_ends.contains(&k);
                if conj && !verb && words < 2 && ctx.tokens[k].kind == TokenKind::Word && w.chars().all(|c| c.is_lowercase() || c == '-') {
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

    /// A new position from the noun phrase after a cue ("refused to discuss media leaks").
    fn discover_np(&self, ctx: &Ctx, cue: &CueHit, relation: Relation) -> Option<Mention> {
        if relation.links_actors() {
            return None;
        }
        let mut k = cue.last + 1;
        // "to discuss X", "agreed to hold X": skip the infinitive verb.
        let bare_verb = |k: usize| {
            ctx.tokens.get(k).is_some_and(|t| t.kind == TokenKind::Word && k < ctx.end)
                && !is_in(DETERMINERS, ctx.w(k))
                && ctx.tokens[k].text(ctx.text).chars().next().is_some_and(char::is_lowercase)
                && !ctx.ms.iter().any(|m| m.first <= k && k <= m.last)
        };
        if relation == Relation::Demands {
            // "called on both sides to avoid escalation": the addressee, then what is asked.
            let addressee_end = ctx
                .ms
                .iter()
                .find(|m| m.first == k && m.is_actor())
                .map(|m| m.last + 1)
                // "allies", "both sides", "Western partners": a few words, then "to".
                .or_else(|| (k + 1..(k + 4).min(ctx.end)).find(|&a| ctx.w(a) == "to" && (k..a).all(|j| ctx.tokens[j].kind == TokenKind::Word && !np_stop(ctx.w(j)))));
            if let Some(a) = addressee_end.filter(|&a| ctx.w(a) == "to" && bare_verb(a + 1)) {
                let mut e = a + 1;
                while e + 1 < ctx.end && e < a + 5 && ctx.tokens[e + 1].kind == TokenKind::Word && !np_stop(ctx.w(e + 1)) {
                    e += 1;
                }
                if let Some(p) = ctx.ms.iter().find(|m| m.role == Role::Position && m.first > a && m.last <= e) {
                    return Some(p.clone());
                }
                let label = ctx.text[ctx.tokens[a + 1].start..ctx.tokens[e].end].to_string();
                return Some(self.np_mention(a + 1, e, &label, ctx));
            }
        }
        // A word after "to" is a verb when a noun phrase follows it ("agreed to cap the
        // size", "ready to discuss clauses"), a noun when a preposition or the end does
        // ("open to dialogue with Washington").
        let verb_with_object = |k: usize| {
            let mut n = k + 1;
            while n < ctx.end && ctx.tokens[n].kind == TokenKind::Quote {
                n += 1;
            }
            bare_verb(k) && n < ctx.end && ctx.tokens[n].kind == TokenKind::Word && !np_stop(ctx.w(n))
        };
        let mut skipped_verb = None;
        if ctx.w(k) == "to" && bare_verb(k + 1) {
            skipped_verb = Some(k + 1);
            k += 2;
        } else if ctx.w(cue.last) == "to" && verb_with_object(k) {
            skipped_verb = Some(k);
            k += 1;
        }
        let prepositional_to = ctx.w(cue.last) == "to" && skipped_verb.is_none();
        if let Some(np) = self.noun_phrase(ctx, cue, relation, k, prepositional_to) {
            return Some(np);
        }
        // "offered to mediate between Caracas and Washington": the verb phrase is the offer
        // (unless a known position follows, which objects_right prefers).
        let v = skipped_verb?;
        if !matches!(relation, Relation::Proposes | Relation::Demands) {
            return None;
        }
        let mut e = v;
        while e + 1 < ctx.end && e < v + 5 && matches!(ctx.tokens[e + 1].kind, TokenKind::Word | TokenKind::Number) && !matches!(ctx.w(e + 1), "that" | "which" | "who" | "but" | "while" | "if" | "unless") {
            e += 1;
        }
        if let Some(p) = ctx.ms.iter().find(|m| m.role == Role::Position && m.first >= v && m.last <= e) {
            return Some(p.clone());
        }
        if e == v {
            return None;
        }
        let label = ctx.text[ctx.tokens[v].start..ctx.tokens[e].end].to_string();
        let mut m = self.np_mention(v, e, &label, ctx);
        m.group_noun = Some("verb-phrase".into());
        Some(m)
    }

    /// The noun phrase starting at token `k` after a cue, as a new position.
    fn noun_phrase(&self, ctx: &Ctx, cue: &CueHit, relation: Relation, mut k: usize, prepositional_to: bool) -> Option<Mention> {
        // "demanded that Armenia change its constitution": the clause is the demand.
        if ctx.w(k) == "that" && relation == Relation::Demands {
            let mut e = k + 1;
            while e < ctx.end && e < k + 8 && ctx.tokens[e].kind != TokenKind::Punct && !(ctx.w(e) == "to" && e > k + 2) {
                e += 1;
            }
            if e > k + 3 {
                let label = ctx.text[ctx.tokens[k + 1].start..ctx.tokens[e - 1].end].to_string();
                return Some(self.np_mention(k + 1, e - 1, &label, ctx));
            }
            return None;
        }
        while k < ctx.end && (is_in(DETERMINERS, ctx.w(k)) || ctx.tokens[k].kind == TokenKind::Quote || matches!(ctx.w(k), "any" | "potential" | "possible" | "further" | "more")) {
            k += 1;
        }
        let first = k;
        let after_det = first > cue.last + 1 && is_in(DETERMINERS, ctx.w(first - 1));
        let mut last = None;
        while k < ctx.end && k < first + 4 {
            let t = ctx.tokens[k];
            let w = ctx.w(k);
            let demonym = ctx.ms.iter().any(|m| m.first <= k && k <= m.last && (m.role == Role::Demonym || (m.modifier && m.entity.kind.is_actor() && k == first)));
            // A position word that modifies a noun ("tariff truce") is part of the phrase;
            // a position that heads it ("long-term truce") is the object itself.
            let position = ctx.ms.iter().find(|m| m.first <= k && k <= m.last && m.role == Role::Position);
            if let Some(p) = position {
                let continues = ctx.tokens.get(p.last + 1).is_some_and(|n| n.kind == TokenKind::Word && p.last + 1 < ctx.end && !np_stop(ctx.w(p.last + 1)) && n.text(ctx.text).chars().all(|c| c.is_lowercase()));
                if !continues {
                    // "long-term truce": the position heads the phrase and is the object;
                    // "tariff truce": two positions make a new one.
                    let modified_by_position = (first..k).any(|j| ctx.ms.iter().any(|m| m.first <= j && j <= m.last && m.role == Role::Position));
                    if k > first && !modified_by_position {
                        return None;
                    }
                    if modified_by_position {
                        last = Some(p.last);
                    }
                    break;
                }
                last = Some(p.last);
                k = p.last + 1;
                continue;
            }
            if t.kind != TokenKind::Word || np_stop(w) || (k > first && is_in(DETERMINERS, w)) || (!demonym && ctx.ms.iter().any(|m| m.first <= k && k <= m.last)) {
                break;
            }
            if !demonym && w.chars().next().is_some_and(char::is_uppercase) && k == first && t.text(ctx.text).len() > 1 {
                break;
            }
            last = Some(k);
            k += 1;
        }
        let mut last = last?;
        let head = ctx.w(last).to_string();
        let words = last + 1 - first;
        // "any plan to displace Palestinians", "calls to disarm": the infinitive is the content.
        if ctx.w(last + 1) == "to" && matches!(head.as_str(), "plan" | "plans" | "proposal" | "proposals" | "calls" | "call" | "attempt" | "attempts" | "efforts" | "bid" | "push" | "idea" | "demands" | "demand") {
            let mut j = last + 2;
            let mut end = None;
            while j < ctx.end && j < last + 7 {
                let w = ctx.w(j);
                if ctx.tokens[j].kind != TokenKind::Word || (np_stop(w) && j > last + 2) || ctx.ms.iter().any(|m| m.first <= j && j <= m.last && !matches!(m.role, Role::Place | Role::Demonym)) {
                    break;
                }
                end = Some(j);
                j += 1;
            }
            if let Some(e) = end {
                let label = ctx.text[ctx.tokens[first].start..ctx.tokens[e].end].to_string();
                return Some(self.np_mention(first, e, &label, ctx));
            }
        }
        let junk = is_in(JUNK_HEADS, &head) && !(words >= 2 && !is_in(JUNK_HEADS, ctx.w(first)) && ctx.w(first).chars().all(|c| c.is_lowercase()));
        if junk || head.ends_with("ly") || head.ends_with("ed") || head.len() < 4 || ctx.in_quote[first] != ctx.in_quote[cue.first] {
            return None;
        }
        // A noun phrase ends in a noun: a known noun ending, or a word after a determiner
        // or an adjective ("the immediate opening", "foreign tutelage").
        let nounish = head.ends_with('s') || head.ends_with("tion") || head.ends_with("ment") || head.ends_with("ity") || head.ends_with("acy") || head.ends_with("ism") || head.ends_with("ance") || head.ends_with("ence");
        let of_follows = ctx.w(last + 1) == "of";
        let after_to = prepositional_to && first == cue.last + 1;
        // "urged restraint from all sides": a bare noun before a preposition.
        let bare_noun = words == 1 && first == cue.last + 1 && (np_stop(ctx.w(last + 1)) || ctx.tokens.get(last + 1).is_none_or(|t| t.kind == TokenKind::Punct)) && !head.ends_with("ing") && !head.ends_with('s');
        let after_to = after_to || (bare_noun && matches!(relation, Relation::Demands | Relation::Supports | Relation::Rejects));
        if !(nounish || words >= 2 || after_det || of_follows || after_to) || (head.ends_with("ing") && !(after_det || words >= 2)) {
            return None;
        }
        // "the opening of all crossings": one "of" phrase belongs to the noun phrase
        // (not after "accused X": "of" gives the reason).
        if ctx.w(last + 1) == "of" && relation != Relation::Criticizes {
            let mut j = last + 2;
            let mut end = None;
            while j < ctx.end && j < last + 6 {
                let w = ctx.w(j);
                let t = ctx.tokens[j];
                let position = ctx.ms.iter().any(|m| m.first <= j && j <= m.last && m.role == Role::Position);
                if !(t.kind == TokenKind::Word || t.kind == TokenKind::Number) || position || (np_stop(w) && w != "all" && w != "'s") {
                    break;
                }
                end = Some(j);
                j += 1;
            }
            match end.filter(|&e| !is_in(DETERMINERS, ctx.w(e))) {
                Some(e) => last = e,
                None if !(nounish || words >= 2 || after_det) => return None,
                None => {}
            }
        }
        let label = ctx.text[ctx.tokens[first].start..ctx.tokens[last].end].to_string();
        Some(self.np_mention(first, last, &label, ctx))
    }

    /// What a demand asks for, after its noun: "to stop buying Russian oil" (a verb
    /// phrase) or "for a ceasefire" (a position or noun phrase).
    fn content_after(&self, ctx: &Ctx, last: usize) -> Option<Mention> {
        match ctx.w(last + 1) {
            "to" => {
                let first = last + 2;
                let t = ctx.tokens.get(first)?;
                if first >= ctx.end || t.kind != TokenKind::Word || !t.text(ctx.text).chars().next().is_some_and(char::is_lowercase) || is_in(AUXILIARIES, ctx.w(first)) {
                    return None;
                }
                let mut e = first;
                while e + 1 < ctx.end && e < first + 5 && ctx.tokens[e + 1].kind == TokenKind::Word && !np_stop(ctx.w(e + 1)) {
                    e += 1;
                }
                if let Some(p) = ctx.ms.iter().find(|m| m.role == Role::Position && m.first >= first && m.last <= e) {
                    return Some(p.clone());
                }
                let label = ctx.text[ctx.tokens[first].start..ctx.tokens[e].end].to_string();
                Some(self.np_mention(first, e, &label, ctx))
            }
            "for" => ctx.ms.iter().find(|m| m.first > last + 1 && m.first <= last + 4 && m.role == Role::Position).cloned(),
            _ => None,
        }
    }

    fn np_mention(&self, first: usize, last: usize, label: &str, ctx: &Ctx) -> Mention {
        Mention {
            entity: Entity::from_label(EntityKind::Position, label),
            role: Role::Position,
            span: Span::new(ctx.tokens[first].start, ctx.tokens[last].end),
            first,
            last,
            possessive: false,
            locative: false,
            in_pp: false,
            modifier: false,
            group_noun: None,
        }
    }

    /// The object of a cue left of it, for passives: the nearest position in the clause.
    fn object_left(&self, ctx: &Ctx, cue_first: usize, relation: Relation) -> Option<Mention> {
        ctx.ms
            .iter()
            .filter(|m| m.last < cue_first && m.first >= ctx.start)
            .filter(|m| if relation.links_actors() { m.is_actor() } else { m.role == Role::Position })
            .max_by_key(|m| m.last)
            .cloned()
    }

    /// The subject of the copula before a predicate cue ("NATO membership is a red
    /// line …", "the plan was unacceptable"): a position in the same clause.
    fn copula_subject(&self, ctx: &Ctx, cue_first: usize) -> Option<Mention> {
        let lo = clause_start(ctx, cue_first);
        // "it could form the basis": "it" is the latest position before it.
        if let Some(it) = (cue_first.saturating_sub(3).max(lo)..cue_first).find(|&k| matches!(ctx.w(k), "it" | "this")) {
            return ctx.ms.iter().filter(|m| m.last < it && m.first >= ctx.start && m.role == Role::Position).max_by_key(|m| m.last).cloned();
        }
        let be = (lo..cue_first).rev().find(|&k| is_in(BE, ctx.w(k)) || matches!(ctx.w(k), "remains" | "remain" | "seems" | "looks" | "become" | "becomes" | "find" | "found"))?;
        // The clause of the copula starts after "while", "whereas", "but".
        let lo = (lo..be).rev().find(|&k| matches!(ctx.w(k), "while" | "whereas" | "but")).map(|k| k + 1).unwrap_or(lo);
        if (lo..be).any(|k| matches!(ctx.w(k), "which" | "that" | "who")) {
            return None;
        }
        // The subject is the position that opens the clause or stands just before the
        // copula, not one further back ("rejected the proposal, saying only X was …").
        let opens = |m: &&Mention| (lo..m.first).all(|k| is_in(DETERMINERS, ctx.w(k)) || ctx.tokens[k].kind == TokenKind::Quote);
        let known = ctx
            .ms
            .iter()
            .filter(|m| m.first >= lo && m.last < be && m.role == Role::Position)
            .filter(|m| opens(m) || m.last + 4 >= be)
            .max_by_key(|m| m.last)
            .cloned();
        if known.is_some() {
            return known;
        }
        // An unknown noun phrase right before the copula: "only a bizonal, bicommunal
        // federation in line with UN resolutions was acceptable".
        let det = (be.saturating_sub(12).max(lo)..be).rev().find(|&k| matches!(ctx.w(k), "a" | "an" | "the"))?;
        let mut e = det + 1;
        while e < be && !is_in(PREPOSITIONS, ctx.w(e)) && !ctx.ms.iter().any(|m| m.first <= e && e <= m.last) && !is_in(AUXILIARIES, ctx.w(e)) {
            e += 1;
        }
        if e == det + 1 || e - det > 5 {
            return None;
        }
        let head = ctx.w(e - 1);
        if ctx.tokens[e - 1].kind != TokenKind::Word || head.ends_with("ed") || head.ends_with("ing") || head.ends_with("ly") || is_in(JUNK_HEADS, head) {
            return None;
        }
        let label = ctx.text[ctx.tokens[det + 1].start..ctx.tokens[e - 1].end].to_string();
        Some(self.np_mention(det + 1, e - 1, &label, ctx))
    }
}

/// A claim found in a sentence, before attribution is added.
type Found = (Entity, Relation, Entity, String, f32, String, String, Modality);

fn found(subj: &Mention, relation: Relation, obj: &Mention, cue: &CueHit, conf: f32, modality: Modality, ctx: &Ctx) -> Found {
    let surface = |m: &Mention| ctx.text.get(m.span.start..m.span.end).unwrap_or("").to_string();
    let conf = if matches!(subj.role, Role::Pronoun | Role::Speaker) { conf - 0.1 } else { conf };
    (subj.entity.clone(), relation, obj.entity.clone(), cue.text.clone(), conf, surface(subj), surface(obj), modality)
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
            if k > ctx.start && (ctx.w(k - 1) == "the" || is_in(TITLES, ctx.w(k - 1))) {
                k -= 1;
            } else if let Some(d) = ctx.ms.iter().find(|d| d.last + 1 == k && d.role == Role::Demonym && d.first >= ctx.start) {
                k = d.first;
            } else {
                break;
            }
        }
        if k < ctx.start + 2 || !matches!(ctx.w(k - 1), "and" | ",") {
            break;
        }
        let before = k - 1;
        let before = if ctx.w(before) == "and" && before > ctx.start && ctx.w(before - 1) == "," { before - 1 } else { before };
        let Some(prev) = ctx.ms.iter().find(|p| p.last + 1 == before && p.is_actor() && !p.possessive && !p.in_pp && (!p.modifier || p.role == Role::Group)) else { break };
        out.push(prev.clone());
        cur = prev.first;
    }
    out
}

/// A mention standing for an entity named only by attribution (the speaker).
fn pseudo(e: &Entity, cue: &CueHit) -> Mention {
    Mention {
        entity: e.clone(),
        role: Role::Speaker,
        span: Span::new(0, 0),
        first: cue.first,
        last: cue.first,
        possessive: false,
        locative: false,
        in_pp: false,
        modifier: false,
        group_noun: None,
    }
}

fn speaker_kind(m: &Mention) -> bool {
    (m.entity.kind.is_actor() || m.entity.kind == EntityKind::Source) && !m.locative && m.role != Role::Speaker && !m.modifier
}

fn is_negation_token(w: &str) -> bool {
    w.ends_with("n't") || w.ends_with("n’t")
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

/// A number at token `i` ("600,000", "1 million", "one million"): its tokens and text.
fn number_at(ctx: &Ctx, i: usize) -> Option<(usize, usize, String)> {
    let t = ctx.tokens.get(i)?;
    let w = ctx.w(i);
    let words = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
    let base = if t.kind == TokenKind::Number && w.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.') {
        w.to_string()
    } else if let Some(p) = words.iter().position(|x| *x == w) {
        if matches!(ctx.w(i + 1), "million" | "thousand") { (p + 1).to_string() } else { return None }
    } else {
        return None;
    };
    if matches!(ctx.w(i + 1), "million" | "thousand" | "billion") {
        return Some((i, i + 1, format!("{base} {}", ctx.w(i + 1))));
    }
    // Bare small numbers and years are not amounts.
    let digits: String = base.chars().filter(char::is_ascii_digit).collect();
    let value: u64 = digits.parse().ok()?;
    if value < 1000 || (base.len() == 4 && (1900..2100).contains(&value)) {
        return None;
    }
    Some((i, i, base))
}

/// Past participles, for passives ("was rejected", "will be sent").
fn is_participle(w: &str) -> bool {
    w.ends_with("ed")
        || matches!(
            w,
            "sent" | "held" | "met" | "put" | "brought" | "given" | "drawn" | "made" | "seen" | "taken" | "led" | "built" | "won" | "told" | "struck" | "sworn" | "spurned" | "backed" | "thrown"
        )
}

fn is_plan_modifier(w: &str) -> bool {
    w.ends_with("-drafted") || w.ends_with("-backed") || w.ends_with("-brokered") || w.ends_with("-proposed") || w.ends_with("-authored") || w.ends_with("-sponsored") || w.ends_with("-point")
}

fn is_caption(sentence: &str) -> bool {
    sentence.contains('©') || sentence.contains("FILE PHOTO") || sentence.contains("Getty Images") || sentence.starts_with("Photo:")
}

#[cfg(test)]
mod tests;
