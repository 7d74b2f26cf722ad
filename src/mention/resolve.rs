//! Putting mentions together: gazetteer hits, discovered names, groups ("Russian
//! officials"), descriptions ("the Ukrainian leader", "his chief of staff") and
//! pronouns, each resolved to an entity, with flags for how it sits in its sentence.

use super::gazetteer::Hit;
pub use super::names::People;
use super::names::{discover, Found};
use super::words::*;
use super::{Gazetteer, Mention, Role};
use crate::claim::{Entity, EntityKind, Span};
use crate::text::{Token, TokenKind};

/// Token `i`'s normalised form ("" past the end).
fn tok(norms: &[String], i: usize) -> &str {
    norms.get(i).map(String::as_str).unwrap_or("")
}

/// Longest phrase from `list` or `extra` (sorted) starting at token `i`: its length in
/// tokens, and the phrase.
fn phrase_at(norms: &[String], i: usize, list: &(impl Words + ?Sized), extra: &[String]) -> Option<(usize, String)> {
    let mut best = None;
    let mut p = String::new();
    for len in 1..=4 {
        let Some(w) = norms.get(i + len - 1) else { break };
        if len > 1 {
            p.push(' ');
        }
        p.push_str(w);
        if is_in(list, &p) || extra.binary_search_by(|e| e.as_str().cmp(&p)).is_ok() {
            best = Some(len);
        }
    }
    best.map(|len| (len, norms[i..i + len].join(" ")))
}

fn is_stateish(m: &Mention) -> bool {
    matches!(m.role, Role::Name | Role::Metonym | Role::Demonym)
        && matches!(m.entity.kind, EntityKind::State | EntityKind::Organization | EntityKind::Group)
}

/// Finds and resolves the mentions of an entry. `norms` holds each token's
/// [`norm`], `titles` the gazetteer's titles (sorted); `agents` flags the tokens the
/// parse shows acting as an actor does (an unknown name there is one; see
/// [`discover`]); `people` carries discovered names across entries.
#[allow(clippy::too_many_arguments)]
pub fn find_mentions(
    text: &str,
    tokens: &[Token],
    norms: &[String],
    sentences: &[(usize, usize)],
    in_quote: &[bool],
    agents: &[bool],
    gaz: &Gazetteer,
    titles: &[String],
    people: &mut People,
) -> Vec<Mention> {
    let mut hits: Vec<Hit> = gaz.find(text, tokens, norms);
    // "Afghans who supported us": plural people a relative clause describes are people,
    // not their state's government.
    hits.retain(|h| {
        let surface = &norms[h.first];
        let described =
            h.first == h.last && surface.ends_with('s') && norms.get(h.last + 1).is_some_and(|n| n == "who");
        !(described
            && gaz.records[h.record].demonyms.iter().any(|d| surface.strip_suffix('s') == Some(&super::words::norm(d))))
    });
    let mut covered = vec![false; tokens.len()];
    let mut ms: Vec<Mention> = Vec::new();
    for h in &hits {
        for c in &mut covered[h.first..=h.last] {
            *c = true;
        }
        let end = h.prefix_end.unwrap_or(tokens[h.last].end);
        let mut m = Mention::at(gaz.entity(h.record), h.role, Span::new(tokens[h.first].start, end), h.first, h.last);
        m.modifier = h.prefix_end.is_some();
        ms.push(m);
    }
    // Names the gazetteer lacks.
    let mut found: Vec<Found> = Vec::new();
    for &(s, e) in sentences {
        found.extend(discover(text, tokens, norms, s..e, &covered, agents, titles, people));
    }
    for mut f in found {
        // "King Abdullah" for the gazetteer's "King Abdullah II": one word of one known
        // person's name, with a title that person has or is named with.
        // ("Lai" after "Jimmy Lai" in the same entry is that person, not another known
        // one who shares the word.)
        if f.entity.kind == EntityKind::Person && f.first == f.last && f.title.is_none() {
            let named_here = ms
                .iter()
                .filter(|m| m.last < f.first && m.entity.kind == EntityKind::Person && m.entity.label.contains(' '))
                .filter(|m| m.entity.label.split_whitespace().any(|p| super::words::norm(p) == norms[f.first]))
                .max_by_key(|m| m.last);
            if let Some(m) = named_here {
                f.entity = m.entity.clone();
            }
        }
        if f.entity.kind == EntityKind::Person && f.first == f.last && !ms.iter().any(|m| m.entity.key == f.entity.key)
        {
            if let Some(p) = known_by_word(gaz, &norms[f.first], f.title.as_deref()) {
                f.entity = gaz.entity(p);
            }
        }
        // "Luiz Inácio" before a known "Lula da Silva": first names of the same person.
        if let Some(known) = ms.iter_mut().find(|m| {
            m.first == f.last + 1 && m.entity.kind == EntityKind::Person && f.entity.kind == EntityKind::Person
        }) {
            known.first = f.first;
            known.span.start = tokens[f.first].start;
            continue;
        }
        ms.push(Mention::at(
            f.entity,
            Role::Name,
            Span::new(tokens[f.first].start, tokens[f.last].end),
            f.first,
            f.last,
        ));
    }
    ms.sort_by_key(|m| (m.first, m.last));
    short_names(text, tokens, &mut ms);

    absorb_titles(norms, &mut ms, titles);
    groups(text, tokens, norms, &mut ms);
    role_groups(norms, tokens, gaz, &mut ms);
    descriptions(text, tokens, norms, gaz, &mut ms, titles);
    // Flags first, so that pronouns can prefer antecedents that are not inside a
    // prepositional phrase; then again for the pronouns themselves.
    flags(text, tokens, norms, &mut ms);
    pronouns(text, tokens, norms, in_quote, gaz, titles, &mut ms);
    flags(text, tokens, norms, &mut ms);
    ms
}

/// The one gazetteer person with `word` in a name and, when a title is given, that
/// title among theirs or at the start of a name ("King Abdullah II").
fn known_by_word(gaz: &Gazetteer, word: &str, title: Option<&str>) -> Option<usize> {
    let mut hits = gaz.records.iter().enumerate().filter(|(_, r)| {
        r.kind == Some(EntityKind::Person)
            && std::iter::once(&r.label).chain(&r.alt_labels).any(|l| {
                let words: Vec<String> = l.split_whitespace().map(super::words::norm).collect();
                words.iter().any(|w| w == word)
                    && title.is_none_or(|t| r.titles.iter().any(|x| x == t) || super::words::norm(l).starts_with(t))
            })
    });
    let first = hits.next()?;
    hits.next().is_none().then_some(first.0)
}

/// "Lee" after "Lee Jae-myung", "Takaichi" after "Sanae Takaichi": within an entry, one
/// capitalised word of a person named earlier is that person, whichever end of the
/// name it is (family names come first in Korean and Chinese names).
fn short_names(text: &str, tokens: &[Token], ms: &mut Vec<Mention>) {
    let mut covered = vec![false; tokens.len()];
    for m in ms.iter() {
        for c in &mut covered[m.first..=m.last.min(tokens.len() - 1)] {
            *c = true;
        }
    }
    let mut new = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        let w = t.text(text);
        if covered[i]
            || t.kind != TokenKind::Word
            || w.chars().count() < 3
            || !w.chars().next().is_some_and(char::is_uppercase)
        {
            continue;
        }
        // Not inside a longer capitalised name ("Lee Smith").
        let cap = |j: usize| {
            tokens.get(j).is_some_and(|n| {
                n.kind == TokenKind::Word && n.text(text).chars().next().is_some_and(char::is_uppercase)
            })
        };
        if (i > 0 && cap(i - 1) && !covered[i - 1]) || cap(i + 1) && !covered.get(i + 1).copied().unwrap_or(true) {
            continue;
        }
        let earlier = ms
            .iter()
            .filter(|m| m.last < i && m.entity.kind == EntityKind::Person && m.role == Role::Name)
            .filter(|m| {
                m.entity.label.split_whitespace().count() > 1 && m.entity.label.split_whitespace().any(|p| p == w)
            })
            .max_by_key(|m| m.last);
        if let Some(m) = earlier {
            new.push(Mention::at(m.entity.clone(), m.role, Span::new(t.start, t.end), i, i));
        }
    }
    ms.extend(new);
    ms.sort_by_key(|m| (m.first, m.last));
}

/// "Russian Foreign Minister Sergey Lavrov", "US special envoy Steve Witkoff": the
/// state before a title and a person's name is part of the person's mention.
fn absorb_titles(norms: &[String], ms: &mut Vec<Mention>, titles: &[String]) {
    let mut drop = vec![false; ms.len()];
    for i in 0..ms.len() {
        if !is_stateish(&ms[i]) && ms[i].entity.kind != EntityKind::Source {
            continue;
        }
        let mut k = ms[i].last + 1;
        // "Kosovo's Prime Minister Albin Kurti"
        if matches!(tok(norms, k), "'s" | "’s") {
            k += 1;
        }
        // Title words, possibly several ("Army Secretary", "Press Secretary").
        let mut saw_title = false;
        while let Some((len, _)) = phrase_at(norms, k, &TITLES, titles) {
            k += len;
            saw_title = true;
        }
        if !saw_title {
            continue;
        }
        if let Some(j) = ms.iter().position(|m| m.first == k && m.entity.kind == EntityKind::Person) {
            drop[i] = true;
            let start = ms[i].span.start;
            ms[j].span.start = start;
            ms[j].first = ms[i].first;
        }
    }
    let mut it = drop.iter();
    ms.retain(|_| !*it.next().expect("same length"));
    ms.sort_by_key(|m| (m.first, m.last));
}

/// "Russian officials", "Kiev's delegation", "Kiev's European backers": a state,
/// metonym or demonym (possibly possessive) and a group noun make a group mention of
/// that state. The possessor of backers stays a mention of its own.
fn groups(text: &str, tokens: &[Token], norms: &[String], ms: &mut [Mention]) {
    for i in 0..ms.len() {
        let person = ms[i].entity.kind == EntityKind::Person && ms[i].role == Role::Name;
        if !is_stateish(&ms[i]) && !(person && is_in(&OWN_GROUPS, tok(norms, ms[i].last + 1))) {
            continue;
        }
        let mut k = ms[i].last + 1;
        let possessive = matches!(tok(norms, k), "'s" | "’s");
        if possessive {
            k += 1;
        }
        // Adjectives that may stand between: "senior Russian officials", "top US officials".
        while matches!(tok(norms, k), "senior" | "top" | "other" | "fellow" | "own" | "so-called") {
            k += 1;
        }
        // A following demonym takes over: "Kiev's European backers" is about Europe.
        if ms.get(i + 1).is_some_and(|n| n.first == k && n.role == Role::Demonym) {
            continue;
        }
        // "China's commerce ministry", "India's external affairs ministry": up to two
        // lower-case words before a group noun.
        let mut found = phrase_at(norms, k, &GROUP_NOUNS, &[]);
        for skip in 1..=2 {
            if found.is_some() {
                break;
            }
            let lower = (k..k + skip).all(|j| {
                tokens
                    .get(j)
                    .is_some_and(|t| t.kind == TokenKind::Word && t.text(text).chars().all(|c| c.is_lowercase()))
            });
            if lower && !ms.iter().any(|m| m.first >= k && m.first < k + skip) {
                found = phrase_at(
                    norms,
                    k + skip,
                    &["ministry", "government", "delegation", "officials", "authorities", "negotiators"],
                    &[],
                )
                .map(|(len, n)| (len + skip, n));
            }
        }
        // "U.S. lawmakers", "German automakers": a group of its own, named as written.
        if found.is_none() && !possessive && is_in(&OWN_GROUPS, tok(norms, k)) {
            let m = &mut ms[i];
            m.last = k;
            m.span.end = tokens[k].end;
            m.entity = Entity::from_label(EntityKind::Group, &text[m.span.start..m.span.end]);
            m.role = Role::Name;
            m.modifier = false;
            continue;
        }
        if let Some((len, noun)) = found {
            let m = &mut ms[i];
            if possessive && is_in(BACKER_NOUNS, &noun) {
                // The backers are someone else; the possessor stays as it is.
                m.possessive = true;
                m.group_noun = Some(noun);
                continue;
            }
            m.role = Role::Group;
            m.last = k + len - 1;
            m.span.end = tokens[m.last].end;
            m.group_noun = Some(noun);
        }
    }
}

/// Role descriptions that stand for a state: "officials from Brazil", "negotiators of
/// both sides" (a group noun before "from"/"of" and a state), and "the Trump
/// administration", "the Netanyahu government" (a person's name before a government
/// noun: the state the person leads or acts for).
fn role_groups(norms: &[String], tokens: &[Token], gaz: &Gazetteer, ms: &mut Vec<Mention>) {
    for i in 0..ms.len() {
        let m = &ms[i];
        // ("officials from the EU", "negotiators in Kyiv": an actor's people where it
        // governs.)
        let at = if m.first >= 1 && tok(norms, m.first - 1) == "the" { m.first - 1 } else { m.first };
        if is_stateish(m) && m.role != Role::Group && at >= 2 && matches!(tok(norms, at - 1), "from" | "of" | "in") {
            let noun = tok(norms, at - 2);
            let earlier_ends_there = ms.iter().any(|o| o.last == at - 2);
            if is_in(ROLE_NOUNS, noun) && !earlier_ends_there {
                let m = &mut ms[i];
                m.role = Role::Group;
                m.first = at - 2;
                m.span.start = tokens[m.first].start;
                m.group_noun = Some(noun.to_string());
                continue;
            }
        }
        let m = &ms[i];
        // ("Prime Minister Jane Doe's government" too.)
        let gap = usize::from(matches!(tok(norms, m.last + 1), "'s" | "’s"));
        if m.entity.kind == EntityKind::Person
            && matches!(tok(norms, m.last + 1 + gap), "administration" | "government")
        {
            let Some(r) = gaz.get(&m.entity.key) else { continue };
            let Some(state) = r.leader_of.first().or(r.affiliations.first()).and_then(|k| gaz.index_of(k)) else {
                continue;
            };
            let noun = tok(norms, m.last + 1 + gap).to_string();
            let entity = gaz.entity(state);
            let m = &mut ms[i];
            m.entity = entity;
            m.role = Role::Group;
            m.last += 1 + gap;
            m.span.end = tokens[m.last].end;
            m.group_noun = Some(noun);
        }
    }
    ms.sort_by_key(|m| (m.first, m.last));
}

/// "the Ukrainian leader", "the US president", "his chief of staff".
fn descriptions(
    text: &str,
    tokens: &[Token],
    norms: &[String],
    gaz: &Gazetteer,
    ms: &mut Vec<Mention>,
    titles: &[String],
) {
    let mut added = Vec::new();
    for m in ms.iter() {
        if !is_stateish(m) {
            continue;
        }
        let mut k = m.last + 1;
        if matches!(tok(norms, k), "'s" | "’s") {
            k += 1;
        }
        let Some((len, title)) = phrase_at(norms, k, &TITLES, titles) else { continue };
        // A name right after the title is the person themself (handled by absorb_titles).
        if tokens.get(k + len).is_some_and(|t| t.text(text).chars().next().is_some_and(char::is_uppercase)) {
            continue;
        }
        let Some(state) = gaz.index_of(&m.entity.key) else { continue };
        if let Some(p) = person_with_title(gaz, state, &title) {
            added.push((m.first, k + len - 1, gaz.entity(p), m.span.start));
        }
    }
    for (first, last, entity, start) in added {
        ms.retain(|m| !(m.first >= first && m.last <= last));
        ms.push(Mention::at(entity, Role::Description, Span::new(start, tokens[last].end), first, last));
    }
    // "his chief of staff": resolved by the pronoun pass, which knows the referent.
    ms.sort_by_key(|m| (m.first, m.last));
}

/// The person holding `title` for the state or organisation `state`: its leader for
/// leader titles, else the one person affiliated with it under that title.
fn person_with_title(gaz: &Gazetteer, state: usize, title: &str) -> Option<usize> {
    let key = &gaz.records[state].key;
    let leader = gaz.records.iter().position(|r| r.leader_of.iter().any(|k| k == key));
    if is_in(LEADER_TITLES, title) {
        if let Some(l) = leader {
            let r = &gaz.records[l];
            if title == "leader" || r.titles.iter().any(|t| t == title) || r.titles.is_empty() {
                return Some(l);
            }
        }
    }
    let mut holders = gaz.records.iter().enumerate().filter(|(_, r)| {
        r.kind == Some(EntityKind::Person)
            && (r.affiliations.iter().any(|k| k == key) || r.leader_of.iter().any(|k| k == key))
            && r.titles.iter().any(|t| t == title)
    });
    let first = holders.next();
    if holders.next().is_some() {
        return None; // ambiguous
    }
    first.map(|(i, _)| i)
}

/// Pronouns and "his chief of staff": the most recent fitting mention before them in
/// the entry. First-person pronouns become speaker placeholders.
fn pronouns(
    text: &str,
    tokens: &[Token],
    norms: &[String],
    in_quote: &[bool],
    gaz: &Gazetteer,
    titles: &[String],
    ms: &mut Vec<Mention>,
) {
    let covered: Vec<bool> = {
        let mut c = vec![false; tokens.len()];
        for m in ms.iter() {
            for x in &mut c[m.first..=m.last.min(tokens.len() - 1)] {
                *x = true;
            }
        }
        c
    };
    let mut new: Vec<Mention> = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        if covered[i] || t.kind != TokenKind::Word {
            continue;
        }
        let w = tok(norms, i);
        // "the group", "the country": refer back like "it".
        let described = if w == "the" && !covered.get(i + 1).copied().unwrap_or(true) {
            let next = tok(norms, i + 1);
            if is_in(ORG_DESCRIPTIONS, next) {
                Some((EntityKind::Organization, i + 1))
            } else if is_in(STATE_DESCRIPTIONS, next) {
                Some((EntityKind::State, i + 1))
            } else {
                None
            }
        } else {
            None
        };
        // "the President", "the Vice President" with no name after: the latest person
        // named with that title ("Vice President Kamala Harris", or a gazetteer title).
        if w == "the" {
            if let Some((len, title)) = phrase_at(norms, i + 1, &TITLES, titles) {
                let last = i + len;
                let named_next = tokens.get(last + 1).is_some_and(|n| {
                    n.kind == TokenKind::Word && n.text(text).chars().next().is_some_and(char::is_uppercase)
                });
                let free = (i + 1..=last).all(|k| !covered.get(k).copied().unwrap_or(true));
                if free && !named_next && !is_in(REPORTER_TITLES, &title) {
                    let titled = |m: &Mention| {
                        let words: Vec<&str> = title.split(' ').collect();
                        let before = m.first >= words.len()
                            && (0..words.len()).all(|k| tok(norms, m.first - words.len() + k) == words[k]);
                        before || gaz.get(&m.entity.key).is_some_and(|r| r.titles.iter().any(|t| *t == title))
                    };
                    // A capitalised title ("the President" of a readout) names the
                    // office holder the entry is about: the first so titled; a lower-case
                    // one ("the president said") the latest.
                    let office = tokens[i + 1].text(text).chars().next().is_some_and(char::is_uppercase);
                    let antecedent = ms
                        .iter()
                        .chain(new.iter())
                        .filter(|m| m.last < i && m.entity.kind == EntityKind::Person && m.role != Role::Speaker)
                        .filter(|m| titled(m))
                        .max_by_key(|m| if office { usize::MAX - m.first } else { m.last });
                    if let Some(a) = antecedent {
                        let m = Mention::at(
                            a.entity.clone(),
                            Role::Description,
                            Span::new(t.start, tokens[last].end),
                            i,
                            last,
                        );
                        new.push(m);
                        continue;
                    }
                }
            }
        }
        if let Some((kind, last)) = described {
            let antecedent = ms
                .iter()
                .chain(new.iter())
                .filter(|m| m.last < i && m.entity.kind == kind && !m.locative && m.role != Role::Speaker)
                .filter(|m| in_quote[i] || !in_quote.get(m.first).copied().unwrap_or(false))
                .max_by_key(|m| m.last);
            if let Some(a) = antecedent {
                new.push(Mention::at(a.entity.clone(), Role::Pronoun, Span::new(t.start, tokens[last].end), i, last));
            }
            continue;
        }
        let want: fn(&Entity) -> bool = if is_in(PERSON_PRONOUNS, w) {
            |e| e.kind == EntityKind::Person
        } else if is_in(THING_PRONOUNS, w) {
            |e| matches!(e.kind, EntityKind::State | EntityKind::Organization)
        } else if is_in(PLURAL_PRONOUNS, w) {
            |e| matches!(e.kind, EntityKind::State | EntityKind::Organization | EntityKind::Group)
        } else if is_in(FIRST_PERSON, w) && t.text(text) != "US" {
            let mut m = Mention::at(
                Entity { key: String::new(), label: String::new(), kind: EntityKind::Person },
                Role::Speaker,
                Span::new(t.start, t.end),
                i,
                i,
            );
            m.possessive = is_in(POSSESSIVE_PRONOUNS, w);
            new.push(m);
            continue;
        } else {
            continue;
        };
        let antecedent = ms
            .iter()
            .chain(new.iter())
            .filter(|m| {
                m.last < i && m.role != Role::Speaker && !m.locative && m.entity.kind.is_actor() && want(&m.entity)
            })
            .filter(|m| !m.modifier)
            // Outside quotes, a pronoun does not refer into a quote.
            .filter(|m| in_quote[i] || !in_quote.get(m.first).copied().unwrap_or(false))
            // Prefer the latest subject-like mention over one inside a prepositional
            // phrase ("Yermak said … at the talks with the US president. He added …").
            .max_by_key(|m| (!m.in_pp && !m.possessive, m.last));
        if let Some(a) = antecedent {
            let entity = a.entity.clone();
            // "his chief of staff" (no name after it): the aide who works for him.
            if is_in(POSSESSIVE_PRONOUNS, w) {
                if let Some((len, title)) = phrase_at(norms, i + 1, &TITLES, titles) {
                    let named = tokens
                        .get(i + 1 + len)
                        .is_some_and(|n| n.text(text).chars().next().is_some_and(char::is_uppercase))
                        || covered.get(i + 1 + len).copied().unwrap_or(false)
                        || tok(norms, i + 1 + len) == ",";
                    let aide = gaz.records.iter().position(|r| {
                        r.works_for.iter().any(|k| *k == entity.key) && r.titles.iter().any(|t| *t == title)
                    });
                    let holder =
                        aide.or_else(|| gaz.index_of(&entity.key).and_then(|s| person_with_title(gaz, s, &title)));
                    if let (false, Some(p)) = (named, holder) {
                        let last = i + len;
                        new.push(Mention::at(
                            gaz.entity(p),
                            Role::Description,
                            Span::new(t.start, tokens[last].end),
                            i,
                            last,
                        ));
                        continue;
                    }
                }
            }
            let mut m = Mention::at(entity, Role::Pronoun, Span::new(t.start, t.end), i, i);
            m.possessive = is_in(POSSESSIVE_PRONOUNS, w);
            new.push(m);
        }
    }
    ms.extend(new);
    ms.sort_by_key(|m| (m.first, m.last));
}

/// Sets `possessive`, `locative`, `in_pp` and `modifier` from the words around each mention.
fn flags(text: &str, tokens: &[Token], norms: &[String], ms: &mut [Mention]) {
    for m in ms.iter_mut() {
        let next = tok(norms, m.last + 1);
        if m.group_noun.is_none() && matches!(next, "'s" | "’s") {
            m.possessive = true;
        }
        // Walk back over determiners and adjectives to the word that governs the mention.
        let mut k = m.first;
        let mut steps = 0;
        while k > 0 && steps < 5 {
            let w = tok(norms, k - 1);
            // Titles too: "by President Donald Trump" is inside a prepositional phrase.
            let title = is_in(&TITLES, w) && tokens[k - 1].text(text).chars().next().is_some_and(char::is_uppercase);
            if is_in(&DETERMINERS, w) || w == "post-conflict" || w == "a" || title {
                k -= 1;
                steps += 1;
            } else {
                break;
            }
        }
        if k > 0 {
            let prev = tok(norms, k - 1);
            if is_in(&PREPOSITIONS, prev) {
                m.in_pp = true;
            }
            if is_in(LOCATIVE, prev) && m.role != Role::Group && m.role != Role::Pronoun {
                m.locative = true;
            }
            if prev == "to" && k >= 2 && is_in(MOTION, tok(norms, k - 2)) {
                m.locative = true;
            }
        }
        if m.entity.kind == EntityKind::Place {
            m.locative = true;
        }
        if !m.possessive && m.group_noun.is_none() && matches!(m.role, Role::Name | Role::Metonym | Role::Demonym) {
            let next_tok = tokens.get(m.last + 1);
            let adjacent = next_tok.is_some_and(|t| t.kind == TokenKind::Word && t.start > tokens[m.last].end);
            // "Nor will Tehran accept": after a modal the name is an inverted subject.
            let inverted = m.first > 0 && is_in(&AUXILIARIES, tok(norms, m.first - 1));
            if adjacent
                && (is_in(&HEAD_NOUNS, next)
                    || m.role == Role::Demonym
                    || (!inverted && next_tok.is_some_and(|t| looks_like_noun(t.text(text)))))
            {
                m.modifier = true;
            }
            if m.role == Role::Demonym {
                m.modifier = true;
            }
        }
    }
}

/// Whether a lower-case word after a name reads as a noun it modifies ("US gunboat
/// diplomacy") rather than a verb whose subject it is ("Russia enjoys", "Kiev agreed").
fn looks_like_noun(w: &str) -> bool {
    const VERBS: &[&str] = &[
        "said", "told", "met", "sent", "held", "made", "took", "gave", "won", "left", "came", "saw", "wrote", "spoke",
        "became", "began", "brought", "put", "set", "let", "cut", "hit", "kept", "led", "ran", "stood", "meant",
        "knew", "thought", "felt", "found", "lost", "paid", "sold", "built", "fought", "went", "got", "did", "drew",
        "struck", "swore", "rejects", "says", "wants", "remains", "remain", "continue", "want", "plan", "need", "hope",
        "insist", "accept", "agree", "support", "oppose", "reject", "meet", "demand", "propose", "back", "refuse",
        "say", "tell", "send", "hold", "call", "urge", "seek", "welcome", "condemn", "criticize", "criticise",
        "accuse", "deny", "claim", "warn", "intend", "expect", "believe", "fear", "argue", "see", "sign", "threaten",
        "vow", "pledge", "last", "next", "this", "earlier", "later", "today", "yesterday", "tomorrow", "instead",
        "first", "himself", "herself", "themselves", "soon", "once", "twice", "afterwards", "overnight", "officially",
        "already", "yet", "either", "too", "anyway", "though", "however", "instead", "meanwhile", "together", "alone",
        "abroad", "home", "here", "there", "ago", "earlier", "recently", "directly",
    ];
    w.chars().all(|c| c.is_lowercase() || c == '-')
        && w.len() > 2
        && !is_in(VERBS, w)
        && !is_in(&AUXILIARIES, w)
        && !is_in(&PREPOSITIONS, w)
        && !is_in(CONJUNCTIONS, w)
        && !is_in(&DETERMINERS, w)
        && !w.ends_with("ed")
        && !w.ends_with("ly")
        && !w.ends_with("ing")
        && !(w.ends_with('s') && !w.ends_with("ss"))
        && !matches!(
            w,
            "has"
                | "was"
                | "also"
                | "not"
                | "never"
                | "now"
                | "then"
                | "still"
                | "again"
                | "too"
                | "who"
                | "which"
                | "that"
                | "itself"
                | "alone"
                | "only"
        )
}
