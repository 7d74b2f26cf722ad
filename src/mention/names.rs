//! Names the gazetteer lacks: runs of capitalised words, typed by the titles before
//! them ("Foreign Minister Jane Doe" → person), their last word ("the Acme Council" →
//! organisation) or the verb after them ("Jane Doe said" → person).

use rustc_hash::FxHashMap as HashMap;

use super::words::{is_in, norm, NOT_NAMES, ORG_WORDS, OWN_GROUPS, TITLES};
use crate::claim::{Entity, EntityKind};
use crate::text::{Token, TokenKind};

/// People and organisations found so far, by full label and by surname, so that a
/// later "Doe" is the "Jane Doe" of an earlier entry. Carried across entries and
/// documents of one ingest, and seeded from the store.
#[derive(Debug, Clone, Default)]
pub struct People {
    by_label: HashMap<String, Entity>,
    by_surname: HashMap<String, Entity>,
}

impl People {
    /// Records a discovered person or organisation.
    pub fn add(&mut self, e: &Entity) {
        self.by_label.insert(norm(&e.label), e.clone());
        if e.kind == EntityKind::Person {
            if let Some(last) = e.label.split_whitespace().last() {
                let last = norm(last);
                // "al-Burhan" is also "Burhan".
                if let Some(bare) =
                    ["al-", "el-", "ad-", "as-", "ash-", "bin-", "ibn-"].iter().find_map(|p| last.strip_prefix(p))
                {
                    self.by_surname.entry(bare.to_string()).or_insert_with(|| e.clone());
                }
                self.by_surname.entry(last).or_insert_with(|| e.clone());
            }
        }
    }

    /// The entity a name refers to, by full label or (for one word) by surname.
    pub fn lookup(&self, name: &str) -> Option<&Entity> {
        let n = norm(name);
        self.by_label.get(&n).or_else(|| if n.contains(' ') { None } else { self.by_surname.get(&n) })
    }

    /// The person whose surname is one letter off `word` (a spelling variant:
    /// "Pederson" for "Pedersen"), when exactly one is; only for words of six letters
    /// or more that start alike.
    pub fn near_surname(&self, word: &str) -> Option<Entity> {
        let n = norm(word);
        if n.chars().count() < 6 {
            return None;
        }
        let mut near = self
            .by_surname
            .iter()
            .filter(|(s, _)| s.chars().next() == n.chars().next() && within_one_edit(s, &n))
            .map(|(_, e)| e);
        let first = near.next()?;
        near.all(|e| e == first).then(|| first.clone())
    }

    /// Number of names known.
    pub fn len(&self) -> usize {
        self.by_label.len()
    }

    /// Whether no name is known.
    pub fn is_empty(&self) -> bool {
        self.by_label.is_empty()
    }
}

const CONNECTORS: &[&str] = &["bin", "al", "von", "der", "de", "van", "da", "la", "le", "el", "ibn", "dos", "di", "du"];

/// Speech verbs after a name that make it a person.
const SAID: &[&str] = &[
    "said", "says", "told", "wrote", "added", "stressed", "announced", "claimed", "has", "had", "noted", "insisted",
    "argued", "explained", "warned", "cautioned", "suggested", "urged", "asked", "believes", "thinks", "tweeted",
    "posted", "recalled", "predicted", "agreed", "disagreed", "countered", "responded", "replied",
];

/// Words of titles that are not titles alone ("vice", "national", "security").
const TITLE_WORDS: &[&str] = &[
    "vice", "deputy", "national", "security", "foreign", "prime", "special", "chief", "senior", "general", "advisor",
    "affairs", "state", "defense", "defence", "former", "acting", "assistant", "under", "high", "first", "lady",
];

/// Words before a name that make it the person speaking: "said Jane Doe", "according to Jane Doe".
const SAID_BEFORE: &[&str] = &["said", "says", "to", "wrote", "added", "asked", "by"];

fn is_cap(word: &str) -> bool {
    // "al-Burhan", "el-Sisi", "bin-Salman": an Arabic article before a capital.
    let word =
        ["al-", "el-", "ad-", "as-", "ash-", "bin-", "ibn-"].iter().find_map(|p| word.strip_prefix(p)).unwrap_or(word);
    word.chars().next().is_some_and(char::is_uppercase)
}

/// A discovered name: tokens `first..=last` of the name itself, and its entity.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub first: usize,
    pub last: usize,
    /// First token of a title before the name, when there is one.
    pub title_first: Option<usize>,
    pub title: Option<String>,
    pub entity: Entity,
}

/// Longest title (from `TITLES` or `extra`, sorted) ending just before token `end`
/// (exclusive), in lower case.
fn title_before(norms: &[String], end: usize, extra: &[String]) -> Option<(usize, String)> {
    let mut best: Option<(usize, String)> = None;
    for len in 1..=4.min(end) {
        let start = end - len;
        let phrase = norms[start..end].join(" ");
        if is_in(&TITLES, &phrase) || extra.binary_search(&phrase).is_ok() {
            best = Some((start, phrase));
        }
    }
    best
}

/// Finds names in `tokens[range]` not covered by `covered` (token flags). A run of
/// two to four capitalised words holding a token `agents` flags (the parse's subject
/// or agent of a verb only actors do) is an actor: an organisation after "the" ("the
/// Nordic Red Cross"), else a person.
#[allow(clippy::too_many_arguments)]
pub fn discover(
    text: &str,
    tokens: &[Token],
    norms: &[String],
    range: std::ops::Range<usize>,
    covered: &[bool],
    agents: &[bool],
    titles: &[String],
    people: &mut People,
) -> Vec<Found> {
    let mut out = Vec::new();
    let mut i = range.start;
    while i < range.end {
        let w = tokens[i].text(text);
        if covered[i] || tokens[i].kind != TokenKind::Word || !is_cap(w) {
            i += 1;
            continue;
        }
        // A run of capitalised words (and connectors inside it).
        let mut j = i;
        while j + 1 < range.end && !covered[j + 1] && tokens[j + 1].kind == TokenKind::Word {
            let next = tokens[j + 1].text(text);
            let connector = is_in(CONNECTORS, &norms[j + 1]) && j + 2 < range.end && is_cap(tokens[j + 2].text(text));
            if (is_cap(next) || connector) && tokens[j + 1].start - tokens[j].end <= 1 {
                j += 1;
            } else {
                break;
            }
        }
        // "the Government of National Accord", "the Joint Council for the Welfare of
        // Immigrants": an organisation word, "of" or "for" (and "the"), and more
        // capitalised words are one name.
        let mut via_of = false;
        for _ in 0..3 {
            let org = is_in(&ORG_WORDS, &norms[j])
                || matches!(norms[j].as_str(), "government" | "centre" | "center" | "network" | "society");
            if !(org || via_of) || j + 2 >= range.end || !matches!(norms[j + 1].as_str(), "of" | "for") {
                break;
            }
            let mut m = j + 2;
            if norms[m] == "the" && m + 1 < range.end {
                m += 1;
            }
            let glued = (j + 1..=m).all(|k| tokens[k].start - tokens[k - 1].end <= 1);
            if !glued
                || (j + 1..=m).any(|k| covered[k])
                || tokens[m].kind != TokenKind::Word
                || !is_cap(tokens[m].text(text))
            {
                break;
            }
            let mut e = m;
            while e + 1 < range.end
                && !covered[e + 1]
                && tokens[e + 1].kind == TokenKind::Word
                && is_cap(tokens[e + 1].text(text))
                && tokens[e + 1].start - tokens[e].end <= 1
            {
                e += 1;
            }
            j = e;
            via_of = true;
        }
        let (run_start, run_end) = (i, j);
        i = j + 1;
        // Titles inside the run ("Foreign Minister Jane Doe") or just before it.
        let mut start = run_start;
        let mut title: Option<(usize, String)> = None;
        for k in (run_start + 1..=run_end).rev() {
            if let Some((ts, t)) = title_before(norms, k, titles) {
                if ts >= run_start || title.is_none() {
                    title = Some((ts.min(run_start), t));
                    start = k;
                    break;
                }
            }
        }
        if title.is_none() {
            title = title_before(norms, run_start, titles);
        }
        // An appositive: "the FT's Kiev correspondent, Jane Doe, reports".
        if title.is_none() && run_start >= 2 && tokens[run_start - 1].text(text) == "," {
            title = title_before(norms, run_start - 1, titles);
        }
        // Leading capitalised function words are not names ("Earlier, …"), but right
        // after a title a name may look like one ("Vice Premier He Lifeng").
        let after_title = title.as_ref().is_some_and(|(ts, _)| *ts < start || (*ts < run_start && start == run_start));
        while !after_title && start <= run_end && is_in(&NOT_NAMES, &norms[start]) {
            start += 1;
        }
        if start > run_end {
            continue;
        }
        // "former DP Rigathi Gachagua": a short all-capitals word before a name of two
        // or more words is a title's abbreviation, not part of the name.
        let caps = tokens[start].text(text);
        if run_end >= start + 2
            && (2..=4).contains(&caps.len())
            && caps.chars().all(|c| c.is_ascii_uppercase())
            && !tokens[start + 1].text(text).chars().skip(1).all(|c| c.is_uppercase())
        {
            start += 1;
        }
        // "CEO of the Refugee Council Enver Solomon": an organisation's name, then a
        // person's.
        let org_end = (start + 1..run_end.saturating_sub(1)).find(|k| is_in(&ORG_WORDS, &norms[*k]));
        if let Some(k) = org_end.filter(|k| !via_of && run_end - k <= 3 && !is_in(&ORG_WORDS, &norms[run_end])) {
            let label = &text[tokens[start].start..tokens[k].end];
            let entity =
                people.lookup(label).cloned().unwrap_or_else(|| Entity::from_label(EntityKind::Organization, label));
            people.add(&entity);
            out.push(Found { first: start, last: k, title_first: None, title: None, entity });
            i = k + 1;
            continue;
        }
        let name = &text[tokens[start].start..tokens[run_end].end];
        let words = run_end - start + 1;
        let last = &norms[run_end];
        // "the Vice President said", "National Security Advisor": a title is no name.
        let all_titles = (start..=run_end).all(|k| is_in(&TITLES, &norms[k]) || is_in(TITLE_WORDS, &norms[k]));
        if all_titles {
            continue;
        }
        // "Hong Kong authorities", "Republican lawmakers": a name before a group noun
        // names the group, as written.
        let group = tokens.get(run_end + 1).filter(|t| t.start == tokens[run_end].end + 1 && t.kind == TokenKind::Word);
        let group = group.filter(|_| {
            let n = &norms[run_end + 1];
            (is_in(&OWN_GROUPS, n) || matches!(n.as_str(), "authorities" | "officials" | "government"))
                && !is_in(&TITLES, last)
                && run_end + 1 < range.end
        });
        if let (Some(g), None) = (group, people.lookup(name)) {
            // ("Hong Kong officials" and "Hong Kong authorities" are one actor, Hong Kong.)
            let own = is_in(&OWN_GROUPS, &norms[run_end + 1]);
            let label = if own { &text[tokens[start].start..g.end] } else { name };
            out.push(Found {
                first: start,
                last: run_end + 1,
                title_first: None,
                title: None,
                entity: Entity::from_label(EntityKind::Group, label),
            });
            i = run_end + 2;
            continue;
        }
        let entity = if let Some(known) = people.lookup(name) {
            Some(known.clone())
        } else if (is_in(&ORG_WORDS, last) || via_of) && words >= 2 {
            Some(Entity::from_label(EntityKind::Organization, name))
        } else if title.is_some() && (words >= 2 || name.chars().count() > 3) {
            Some(Entity::from_label(EntityKind::Person, name))
        } else if (2..=4).contains(&words)
            && !name.chars().any(|c| c.is_ascii_digit())
            && person_context(norms, start, run_end)
        {
            Some(Entity::from_label(EntityKind::Person, name))
        } else if ((2..=4).contains(&words)
            || (words == 1
                && one_word_name(last)
                && !(start > 0 && covered[start - 1])
                && name.chars().any(char::is_lowercase)))
            && !name.chars().any(|c| c.is_ascii_digit())
            && (start..=run_end).any(|k| agents.get(k).copied().unwrap_or(false))
        {
            // ("Pederson" after "Geir Pedersen": one letter off a known surname.)
            if let Some(known) = (words == 1).then(|| people.near_surname(last)).flatten() {
                out.push(Found { first: start, last: run_end, title_first: None, title: None, entity: known });
                continue;
            }
            let kind =
                if start > 0 && norms[start - 1] == "the" { EntityKind::Organization } else { EntityKind::Person };
            Some(Entity::from_label(kind, name))
        } else {
            None
        };
        if let Some(entity) = entity {
            people.add(&entity);
            out.push(Found {
                first: start,
                last: run_end,
                title_first: title.as_ref().map(|(s, _)| *s),
                title: title.map(|(_, t)| t),
                entity,
            });
        }
    }
    out
}

/// Whether one capitalised word acting as an actor may be a name: not a function
/// word, not a title ("The Presidents noted") or an organisation word ("the African
/// Union Commission", after a known name), longer than three letters. (Nor may it be
/// all capitals: a dateline, "SEOUL —".)
fn one_word_name(norm: &str) -> bool {
    let singular = norm.strip_suffix('s').unwrap_or(norm);
    norm.chars().count() > 3
        && !is_in(&NOT_NAMES, norm)
        && !is_in(&ORG_WORDS, norm)
        && !is_in(&TITLES, norm)
        && !is_in(&TITLES, singular)
}

/// Whether two words are at most one edit (insertion, deletion, substitution) apart.
fn within_one_edit(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let (mut i, mut j, mut edits) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        if a[i] == b[j] {
            i += 1;
            j += 1;
            continue;
        }
        edits += 1;
        if edits > 1 {
            return false;
        }
        match a.len().cmp(&b.len()) {
            std::cmp::Ordering::Greater => i += 1,
            std::cmp::Ordering::Less => j += 1,
            std::cmp::Ordering::Equal => {
                i += 1;
                j += 1;
            }
        }
    }
    edits + (a.len() - i) + (b.len() - j) <= 1
}

/// Whether the words around a two-to-four-word capitalised run make it a person's
/// name: a speech verb after it ("Jane Doe said"), before it ("said Jane Doe",
/// "according to Jane Doe"), or an apposition after it ("Jane Doe, a former State
/// Department official,", "Jane Doe, who heads …").
fn person_context(norms: &[String], first: usize, last: usize) -> bool {
    let at = |i: usize| norms.get(i).map(String::as_str).unwrap_or("");
    if is_in(SAID, at(last + 1)) {
        return true;
    }
    if first > 0 && is_in(SAID_BEFORE, at(first - 1)) {
        let before = at(first - 1);
        let ok = match before {
            "to" => first >= 2 && at(first - 2) == "according",
            "by" => first >= 2 && matches!(at(first - 2), "said" | "written" | "told"),
            _ => true,
        };
        if ok && matches!(at(last + 1), "," | "." | "" | "of") {
            return true;
        }
    }
    if at(last + 1) == "who" {
        return true;
    }
    if at(last + 1) == "," {
        if matches!(at(last + 2), "who" | "whose") {
            return true;
        }
        // An apposition naming a role within a few words: "a former State Department
        // official", "president of the Committee for …", "Ontario's provincial leader".
        return (last + 2..last + 10).take_while(|k| !matches!(at(*k), "," | "." | "")).any(|k| is_in(&TITLES, at(k)));
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mention::words::norms;
    use crate::text::tokenize;

    fn run(s: &str, people: &mut People) -> Vec<(String, EntityKind, Option<String>)> {
        let toks = tokenize(s);
        let covered = vec![false; toks.len()];
        let agents = vec![false; toks.len()];
        discover(s, &toks, &norms(s, &toks), 0..toks.len(), &covered, &agents, &[], people)
            .into_iter()
            .map(|f| (f.entity.label, f.entity.kind, f.title))
            .collect()
    }

    #[test]
    fn finds_and_types_names() {
        let mut p = People::default();
        assert_eq!(
            run("Foreign Minister Hakan Fidan met the Zorba Liberation Front in Ankara.", &mut p),
            vec![
                ("Hakan Fidan".into(), EntityKind::Person, Some("foreign minister".into())),
                ("Zorba Liberation Front".into(), EntityKind::Organization, None)
            ]
        );
        assert_eq!(
            run("Later, Maria Ortega said it was over.", &mut p),
            vec![("Maria Ortega".into(), EntityKind::Person, None)]
        );
        // A surname seen before is the same person.
        assert_eq!(run("Fidan left.", &mut p), vec![("Hakan Fidan".into(), EntityKind::Person, None)]);
        // Untyped capitalised runs are not actors.
        assert!(run("The Grand Hotel was busy.", &mut p).is_empty());
    }

    #[test]
    fn an_organisation_word_with_of_or_for_and_more_capitals_is_one_name() {
        for (text, name) in [
            ("Troops of the Government of Northern Unity held the port.", "Government of Northern Unity"),
            (
                "The Joint Council for the Welfare of Seafarers criticised the rules.",
                "Joint Council for the Welfare of Seafarers",
            ),
        ] {
            let got = run(text, &mut People::default());
            assert!(got.iter().any(|(l, k, _)| l == name && *k == EntityKind::Organization), "{text}: {got:?}");
        }
        // ("the Office of" lower-case words is no name.)
        assert!(run("The Grand Office of records was shut.", &mut People::default())
            .iter()
            .all(|(l, _, _)| !l.contains(" of ")));
    }

    #[test]
    fn speech_and_apposition_make_a_person() {
        for text in [
            "Tariq Osman, a former Treasury official, disagreed.",
            "The plan will fail, said Leona Varga.",
            "According to Pavel Ostrov, talks stalled.",
            "Ines Halvorsen, who heads the port authority, left.",
            "Marta Kowal, director of the Baltic Policy Centre, told reporters the talks had stalled.",
            "Director of the Arctic Council Jonas Berg told reporters the talks had stalled.",
            "It quoted tenancy barrister Elin Moss.",
            "The plan is dead, said Omar Haddad of the Levant Institute.",
        ] {
            let got = run(text, &mut People::default());
            assert!(got.iter().any(|(_, k, _)| *k == EntityKind::Person), "{text}: {got:?}");
        }
        assert!(run("The Grand Hotel, a landmark, closed.", &mut People::default()).is_empty());
        assert_eq!(
            run(
                "Director of the Arctic Council Jonas Berg told reporters the talks had stalled.",
                &mut People::default()
            ),
            vec![
                ("Arctic Council".into(), EntityKind::Organization, None),
                ("Jonas Berg".into(), EntityKind::Person, None)
            ]
        );
    }

    #[test]
    fn a_name_acting_as_an_actor_is_one() {
        let s = "Later the Nordic Red Cross and Tove Lund backed it.";
        let toks = tokenize(s);
        let covered = vec![false; toks.len()];
        let norms = norms(s, &toks);
        let mut agents = vec![false; toks.len()];
        let got = |agents: &[bool]| {
            discover(s, &toks, &norms, 0..toks.len(), &covered, agents, &[], &mut People::default())
                .into_iter()
                .map(|f| (f.entity.label, f.entity.kind))
                .collect::<Vec<_>>()
        };
        assert!(got(&agents).is_empty());
        let at = |w: &str| toks.iter().position(|t| t.text(s) == w).unwrap();
        agents[at("Cross")] = true;
        agents[at("Lund")] = true;
        assert_eq!(
            got(&agents),
            vec![("Nordic Red Cross".into(), EntityKind::Organization), ("Tove Lund".into(), EntityKind::Person)]
        );
    }

    #[test]
    fn lowercase_title_before_name() {
        let mut p = People::default();
        let got = run("said independent analyst Jonah Price.", &mut p);
        assert_eq!(got, vec![("Jonah Price".into(), EntityKind::Person, Some("analyst".into()))]);
    }
}
