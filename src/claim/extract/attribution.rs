//! Who speaks and who reports (attribution), hedging, negation and modality of a
//! sentence, from the word classes of the cue lexicon.

use super::*;

impl ClaimExtractor {
    /// Whether a word class phrase ends at token `i` (inclusive), within the sentence.
    pub(super) fn class_ending_at(&self, ctx: &Ctx, i: usize, class: WordClass) -> bool {
        let Some(list) = self.classes_by_last.get(ctx.w(i)) else { return false };
        list.iter().any(|&(c, p)| {
            let words = &self.class_phrases[p].1;
            c == class && i + 1 >= words.len() + ctx.start && {
                let s = i + 1 - words.len();
                (0..words.len()).all(|k| ctx.w(s + k) == words[k])
            }
        })
    }

    pub(super) fn class_at(&self, ctx: &Ctx, i: usize, class: WordClass) -> Option<usize> {
        let list = self.classes.get(ctx.w(i))?;
        list.iter()
            .filter(|(c, _)| *c == class)
            .filter_map(|(_, p)| match_words(ctx, i, &self.class_phrases[*p].1))
            .max()
    }

    pub(super) fn has_class(&self, ctx: &Ctx, range: std::ops::Range<usize>, class: WordClass) -> bool {
        range.into_iter().any(|i| {
            self.class_at(ctx, i, class).is_some() || is_negation_token(ctx.w(i)) && class == WordClass::Negation
        })
    }

    /// Speaker, reporters and hedging of a sentence.
    pub(super) fn attribution(&self, ctx: &Ctx) -> Attribution {
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
                    .filter(|m| {
                        (m.last + 1..i).all(|k| {
                            is_in(&AUXILIARIES, ctx.w(k))
                                || matches!(
                                    ctx.w(k),
                                    "also"
                                        | "reportedly"
                                        | "later"
                                        | "earlier"
                                        | "previously"
                                        | "long"
                                        | "repeatedly"
                                        | "now"
                                        | "again"
                                        | "publicly"
                                )
                        })
                    })
                    .max_by_key(|m| m.last);
                // "…, said Lavrov." — but not "said Israel would …".
                let after = ctx.ms.iter().find(|m| m.first == i + 1 && speaker_kind(m)).filter(|m| {
                    m.last + 1 >= ctx.end || matches!(ctx.w(m.last + 1), "," | "." | ";" | "on" | "in" | "at")
                });
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
                // ("according to its terms", "according to Egypt's plan": a possessor is
                // no source.)
                if m.entity.kind.is_actor() && !m.locative && !m.possessive {
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

    pub(super) fn modality(&self, ctx: &Ctx, cue_first: usize) -> Modality {
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
    pub(super) fn negated(&self, ctx: &Ctx, cue: &CueHit) -> bool {
        // Cues that carry their own negation ("will not accept") are not negated again.
        if cue.text.split_whitespace().any(|w| is_negation_token(&norm(w)) || norm(w) == "not") {
            return false;
        }
        let lo = clause_start(ctx, cue.first).max(cue.first.saturating_sub(5)).max(ctx.start);
        let covered = |i: usize| ctx.ms.iter().any(|m| m.first <= i && i <= m.last);
        (lo..cue.first).any(|i| {
            !covered(i) && (self.class_at(ctx, i, WordClass::Negation).is_some() || is_negation_token(ctx.w(i)))
        }) && !self.has_class(ctx, cue.last + 1..cue.last + 2, WordClass::Negation)
    }
}

pub(super) fn speaker_kind(m: &Mention) -> bool {
    (m.entity.kind.is_actor() || m.entity.kind == EntityKind::Source)
        && !m.locative
        && m.role != Role::Speaker
        && !m.modifier
}

pub(super) fn is_negation_token(w: &str) -> bool {
    w.ends_with("n't") || w.ends_with("n’t")
}
