//! Synthetic news corpora for benchmarks and tests: not a pipeline stage.
//!
//! [`CorpusWriter`] writes a live blog (or the same entries as JSON Lines) of any size,
//! deterministically from a seed: one title and lede, then entries under date and time
//! headers running back from 25 November 2025, one to four paragraphs each. Sentences
//! come from many templates in the style of `data/`: who proposes, rejects, supports,
//! demands what, who meets or criticizes whom, "X reportedly said", quotes, numbers
//! ("a cap of 600,000"), attributions to outlets. Actors and positions are the
//! bundled ontology's, under their preferred and alternative names, metonyms and
//! titles, so the extractor finds claims in the text as it would in real coverage.
//!
//! Every entry is distinct: the writer remembers a hash of each entry's text and draws
//! again on a collision. It does not try to be true, or even consistent: the same
//! actor may support and reject a plan an hour apart.

use std::collections::HashSet;
use std::io::{self, Write};

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};

use crate::claim::EntityKind;
use crate::ontology::Ontology;

/// The two layouts the writer produces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CorpusFormat {
    /// Live-blog text with date and time headers, like `data/`.
    Liveblog,
    /// One `{"time","text","source","url"}` object a line.
    Jsonl,
}

impl std::str::FromStr for CorpusFormat {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "liveblog" => Ok(CorpusFormat::Liveblog),
            "jsonl" => Ok(CorpusFormat::Jsonl),
            _ => Err(format!("unknown corpus format '{s}' (expected liveblog or jsonl)")),
        }
    }
}

/// What a corpus looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CorpusOptions {
    /// Bytes to write at least: the writer stops after the entry that reaches it.
    pub size: u64,
    /// The same seed gives the same bytes.
    pub seed: u64,
    pub format: CorpusFormat,
}

/// What a corpus holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CorpusStats {
    pub bytes: u64,
    /// Entries written, the lede included.
    pub entries: u64,
    /// Distinct days with entries.
    pub days: u64,
}

/// Parses a size such as "10MB", "1.5 MB", "512k", "1GiB" or "4096" (bytes).
/// Decimal units are powers of 1000, binary ones ("MiB") of 1024.
pub fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let split = t.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(t.len());
    let (num, unit) = t.split_at(split);
    let n: f64 = num.parse().map_err(|_| format!("invalid size '{s}' (expected a number and a unit such as 10MB)"))?;
    let mult: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kb" => 1_000,
        "m" | "mb" => 1_000_000,
        "g" | "gb" => 1_000_000_000,
        "kib" => 1 << 10,
        "mib" => 1 << 20,
        "gib" => 1 << 30,
        _ => return Err(format!("invalid size '{s}': unknown unit '{}'", unit.trim())),
    };
    Ok((n * mult as f64).round() as u64)
}

/// A small, fast, seedable generator (SplitMix64): the corpus must not depend on a
/// crate's choice of algorithm, which may change between versions.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// An actor as the text may name it.
struct Actor {
    /// The preferred label ("Russia", "Vladimir Putin").
    label: String,
    /// Other ways to name it: metonyms, alternative labels, "the Kremlin".
    aliases: Vec<String>,
    /// For people: "Russian President", "US special envoy".
    title: Option<String>,
    /// For people: the surname on a second mention.
    short: Option<String>,
}

impl Actor {
    fn name(&self, rng: &mut Rng) -> String {
        match (&self.title, rng.below(4)) {
            (Some(t), 0 | 1) => format!("{t} {}", self.label),
            _ if !self.aliases.is_empty() && rng.chance(35) => rng.pick(&self.aliases).clone(),
            _ => self.label.clone(),
        }
    }
    fn again(&self, rng: &mut Rng) -> String {
        match &self.short {
            Some(s) if rng.chance(70) => s.clone(),
            _ => self.name(rng),
        }
    }
}

/// The names the templates draw from.
struct Pools {
    states: Vec<Actor>,
    people: Vec<Actor>,
    orgs: Vec<Actor>,
    /// Positions as phrases ("a 30-day ceasefire" is made from "ceasefire").
    positions: Vec<String>,
    outlets: Vec<String>,
    places: Vec<String>,
}

/// States most live blogs on this crisis name; they are drawn more often than the rest.
const MAJOR: &[&str] = &[
    "actor/ukraine", "actor/russia", "actor/united-states", "actor/united-kingdom", "actor/france", "actor/germany",
    "actor/european-union", "actor/nato", "actor/poland", "actor/china", "actor/turkey", "actor/vladimir-putin",
    "actor/volodymyr-zelensky", "actor/donald-trump", "actor/steve-witkoff", "actor/sergey-lavrov",
    "actor/emmanuel-macron", "actor/keir-starmer", "actor/friedrich-merz", "actor/andriy-yermak",
    "actor/dmitry-peskov", "actor/marco-rubio",
];

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

impl Pools {
    fn new(ontology: &Ontology) -> Pools {
        let mut states = Vec::new();
        let mut people = Vec::new();
        let mut orgs = Vec::new();
        let mut positions = Vec::new();
        let mut outlets = Vec::new();
        let mut places = Vec::new();
        let demonym =
            |key: &str| ontology.get(key).and_then(|r| r.demonyms.first().cloned().or_else(|| Some(r.label.clone())));
        for r in &ontology.records {
            let Some(kind) = r.kind else { continue };
            // Only single-line, plain names: the templates quote them verbatim.
            let ok = |s: &&String| !s.is_empty() && !s.contains(['"', '\n', '(']) && s.len() < 60;
            match kind {
                EntityKind::State | EntityKind::Organization | EntityKind::Group => {
                    let mut aliases: Vec<String> = r.metonyms.iter().filter(ok).cloned().collect();
                    aliases.extend(
                        r.alt_labels.iter().filter(ok).filter(|a| a.split_whitespace().count() <= 3).take(2).cloned(),
                    );
                    let a = Actor { label: r.label.clone(), aliases, title: None, short: None };
                    if kind == EntityKind::State {
                        states.push(a)
                    } else {
                        orgs.push(a)
                    }
                }
                EntityKind::Person => {
                    let title = r.titles.first().and_then(|t| {
                        let d = demonym(r.affiliations.first()?)?;
                        let title: Vec<String> = t.split(' ').map(capitalise).collect();
                        Some(format!("{d} {}", title.join(" ")))
                    });
                    let short = r.label.rsplit(' ').next().filter(|s| *s != r.label).map(str::to_string);
                    people.push(Actor { label: r.label.clone(), aliases: Vec::new(), title, short });
                }
                EntityKind::Position => {
                    positions.push(r.label.clone());
                    // Alternative labels that are verb phrases ("join NATO") do not fit
                    // where the templates put a noun phrase.
                    let nominal = |a: &&String| a.split(' ').next().is_some_and(|w| !VERBAL.contains(&w));
                    positions.extend(r.alt_labels.iter().filter(ok).filter(nominal).take(4).cloned());
                }
                EntityKind::Source => outlets.push(r.label.clone()),
                EntityKind::Place => places.push(r.label.clone()),
            }
        }
        // Weight the principal actors of the crisis: repeat them in the pools.
        for key in MAJOR {
            let Some(r) = ontology.get(key) else { continue };
            let pool = match r.kind {
                Some(EntityKind::Person) => &mut people,
                Some(EntityKind::State) => &mut states,
                _ => &mut orgs,
            };
            if let Some(i) = pool.iter().position(|a| a.label == r.label) {
                for _ in 0..8 {
                    let a = &pool[i];
                    let copy = Actor {
                        label: a.label.clone(),
                        aliases: a.aliases.clone(),
                        title: a.title.clone(),
                        short: a.short.clone(),
                    };
                    pool.push(copy);
                }
            }
        }
        let fallback = |v: &mut Vec<String>, d: &[&str]| {
            if v.is_empty() {
                v.extend(d.iter().map(|s| s.to_string()));
            }
        };
        fallback(&mut outlets, &["Reuters", "CNN", "Politico", "the Financial Times"]);
        fallback(&mut places, &["Geneva", "Abu Dhabi", "Istanbul", "Riyadh"]);
        fallback(&mut positions, &["peace plan", "ceasefire", "security guarantees"]);
        if states.is_empty() || people.is_empty() || orgs.is_empty() {
            let a = |l: &str| Actor { label: l.into(), aliases: vec![], title: None, short: None };
            states.push(a("Ukraine"));
            people.push(a("Vladimir Putin"));
            orgs.push(a("NATO"));
        }
        Pools { states, people, orgs, positions, outlets, places }
    }

    fn actor(&self, rng: &mut Rng) -> &Actor {
        match rng.below(10) {
            0..=3 => rng.pick(&self.states),
            4..=8 => rng.pick(&self.people),
            _ => rng.pick(&self.orgs),
        }
    }

    fn position(&self, rng: &mut Rng) -> String {
        let p = rng.pick(&self.positions);
        match rng.below(12) {
            0 => format!("a {}-day ceasefire", rng.pick(&[7, 10, 14, 30, 60, 90, 100])),
            1 => format!("a cap of {} on Ukraine's army", thousands(rng.range(40, 120) * 10_000)),
            2 => format!("{} billion dollars in reconstruction aid", rng.range(2, 600)),
            3 => format!("the {}-point peace plan", rng.pick(&[12, 19, 20, 22, 28, 30])),
            4..=6 if !p.starts_with(char::is_uppercase) => format!("the {p}"),
            _ => p.clone(),
        }
    }
}

/// First words that make a position label a verb phrase.
const VERBAL: &[&str] = &[
    "abandon", "being", "cede", "ceding", "deploy", "disarm", "end", "give", "giving", "join", "joining", "left",
    "lift", "lifting", "never", "no", "pull", "recognise", "recognize", "release", "renounce", "renouncing",
    "withdraw", "hold", "holding", "free", "freeze", "stop", "return", "halt",
];

/// 600000 → "600,000".
fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

const SAY: &[&str] = &[
    "said", "told reporters", "wrote on X", "told a press conference", "said in a statement", "added", "stressed",
    "insisted",
];
const WHEN: &[&str] = &[
    "on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "on Saturday", "on Sunday", "earlier today",
    "late on Sunday", "this week", "last week", "overnight",
];
const QUALITY: &[&str] = &["unacceptable", "a non-starter", "out of the question", "a red line", "not acceptable"];
const REJECT: &[&str] =
    &["rejected", "has rejected", "dismissed", "ruled out", "refused", "opposes", "has turned down", "will not accept"];
const SUPPORT: &[&str] =
    &["supports", "backed", "has endorsed", "welcomed", "accepted", "agreed to", "is open to", "has signed off on"];
const PROPOSE: &[&str] =
    &["proposed", "has put forward", "unveiled", "tabled", "floated", "has drafted", "suggested", "presented"];
const DEMAND: &[&str] =
    &["demanded", "called for", "insists on", "is pressing for", "urged", "wants", "will only accept", "is seeking"];
const MEET: &[&str] = &["met", "held talks with", "met with", "spoke with", "hosted", "visited", "is due to meet"];
const CRITICIZE: &[&str] = &["criticised", "accused", "slammed", "condemned", "lashed out at", "blamed", "denounced"];
const FILLER: &[&str] = &[
    "The talks are expected to continue into next week, officials said.",
    "Neither side has published the full text of the document.",
    "Markets reacted cautiously to the news.",
    "Air raid alerts were declared in several regions overnight.",
    "Details of the exchange were not made public.",
    "The statement gave no timeline for the next round of negotiations.",
    "Diplomats described the atmosphere as tense but constructive.",
    "It is not clear whether the proposal has been formally submitted.",
];

/// Writes corpora. Holds the name pools built from the ontology.
pub struct CorpusWriter {
    pools: Pools,
}

impl CorpusWriter {
    /// Builds the name pools from `ontology` (normally the bundled one).
    pub fn new(ontology: &Ontology) -> CorpusWriter {
        CorpusWriter { pools: Pools::new(ontology) }
    }

    /// One sentence (or two) about `a`, naming `b` and a position.
    fn sentence(&self, rng: &mut Rng, out: &mut String) {
        let p = &self.pools;
        let a = p.actor(rng);
        let b = p.actor(rng);
        let an = a.name(rng);
        let bn = b.name(rng);
        let pos = p.position(rng);
        let when = rng.pick(WHEN);
        let say = rng.pick(SAY);
        let outlet = rng.pick(&p.outlets);
        let place = rng.pick(&p.places);
        let n = rng.range(2, 95);
        let s = match rng.below(24) {
            0 => format!("{an} {} {pos} {when}.", rng.pick(REJECT)),
            1 => format!("{an} {} {pos}, according to {outlet}.", rng.pick(REJECT)),
            2 => format!("{an} {} {pos}, {} {say}.", rng.pick(SUPPORT), a.again(rng)),
            3 => format!("{an} {} {pos} {when}, saying it could form the basis of a deal.", rng.pick(SUPPORT)),
            4 => format!("{an} {} {pos} {when}.", rng.pick(PROPOSE)),
            5 => format!("{} {an} {} {pos} in talks with {bn}.", capitalise(when), rng.pick(PROPOSE)),
            6 => format!("{an} {} {pos} as a condition for any agreement.", rng.pick(DEMAND)),
            7 => format!("{an} {} {pos} within {n} days, {outlet} reported.", rng.pick(DEMAND)),
            8 => format!("{an} {} {bn} in {place} {when} to discuss {pos}.", rng.pick(MEET)),
            9 => format!(
                "{an} {} {bn} for {}.",
                rng.pick(CRITICIZE),
                ["undermining the talks", "stalling", "prolonging the war", "sabotaging the peace efforts"]
                    [rng.below(4)]
            ),
            10 => format!("{an} reportedly said that {pos} was {}.", rng.pick(QUALITY)),
            11 => format!("“{} is {} for us,” {an} {say}.", capitalise(&pos), rng.pick(QUALITY)),
            12 => format!("“We are ready to discuss {pos}, but not at any price,” {an} {say} {when}."),
            13 => format!("{} is a red line for {an}, {} {say}.", capitalise(&pos), bn),
            14 => format!(
                "{an} has sent {} to {place} for talks with {bn}.",
                ["a delegation", "an envoy", "its foreign minister", "a team of negotiators"][rng.below(4)]
            ),
            15 => format!("According to {outlet}, {an} is expected to back {pos} after {n} hours of talks."),
            16 => format!("{an}'s proposal includes {pos} and {}.", p.position(rng)),
            17 => format!("{an} and {bn} agreed on {pos} at a meeting in {place}, {outlet} reported."),
            18 => format!(
                "Some {} of {} people have been displaced, {an} {say}.",
                n,
                thousands(rng.range(10, 900) * 1000)
            ),
            19 => format!("{an} warned that {pos} would be {}, according to {outlet}.", rng.pick(QUALITY)),
            20 => format!("{an} {} {bn} of trying to derail {pos}.", ["accused", "has accused"][rng.below(2)]),
            21 => format!("{an} is pushing for {pos}, while {bn} {} it.", rng.pick(REJECT)),
            22 => format!("Officials in {place} said {an} would not agree to {pos} without {}.", p.position(rng)),
            _ => rng.pick(FILLER).to_string(),
        };
        out.push_str(&s);
    }

    /// The text of one entry: paragraphs separated by blank lines.
    fn entry_text(&self, rng: &mut Rng) -> Vec<String> {
        let paragraphs = 1 + rng.below(4);
        (0..paragraphs)
            .map(|_| {
                let mut para = String::new();
                for k in 0..1 + rng.below(3) {
                    if k > 0 {
                        para.push(' ');
                    }
                    self.sentence(rng, &mut para);
                }
                para
            })
            .collect()
    }

    /// Writes a corpus of at least `options.size` bytes to `out`.
    pub fn write(&self, options: &CorpusOptions, out: &mut dyn Write) -> io::Result<CorpusStats> {
        let mut rng = Rng(options.seed ^ 0x6b67_636f_7270_7573);
        let mut out = Counter { inner: out, bytes: 0 };
        let mut seen: HashSet<u64> = HashSet::new();
        let mut stats = CorpusStats::default();
        let start = NaiveDate::from_ymd_opt(2025, 11, 25)
            .expect("valid date")
            .and_time(NaiveTime::from_hms_opt(23, 0, 0).expect("valid time"));
        let mut now: NaiveDateTime = start;
        let mut day: Option<NaiveDate> = None;
        let title = format!(
            "Ukraine peace talks, day {}: {} — LIVE UPDATES",
            rng.range(2, 1400),
            self.pools.outlets[rng.below(self.pools.outlets.len())]
        );
        if options.format == CorpusFormat::Liveblog {
            write!(
                out,
                "Read\n\n{title}\n\n  • By {}\n  • {}\n\n",
                rng.pick(&self.pools.outlets),
                start.format("%b %-d, %Y")
            )?;
            for para in self.entry_text(&mut rng) {
                writeln!(out, "{para}\n")?;
            }
            stats.entries += 1;
        }
        while out.bytes < options.size {
            let mut paragraphs = self.entry_text(&mut rng);
            let key = xxhash_rust::xxh3::xxh3_64(paragraphs.join("\n").as_bytes());
            if !seen.insert(key) {
                // Same text again: add a sentence, which makes it new.
                let mut extra = String::new();
                self.sentence(&mut rng, &mut extra);
                paragraphs.push(extra);
                if !seen.insert(xxhash_rust::xxh3::xxh3_64(paragraphs.join("\n").as_bytes())) {
                    continue;
                }
            }
            match options.format {
                CorpusFormat::Liveblog => {
                    if day != Some(now.date()) {
                        day = Some(now.date());
                        stats.days += 1;
                        write!(out, "  • {}\n\n", now.format("%-d %B %Y"))?;
                    }
                    let bullet = if rng.chance(50) { "  • " } else { "    " };
                    write!(out, "{bullet}{} GMT\n\n", now.format("%H:%M"))?;
                    for para in &paragraphs {
                        write!(out, "    {para}\n\n")?;
                    }
                }
                CorpusFormat::Jsonl => {
                    if day != Some(now.date()) {
                        day = Some(now.date());
                        stats.days += 1;
                    }
                    let outlet = rng.pick(&self.pools.outlets);
                    let slug: String =
                        outlet.to_ascii_lowercase().chars().filter(char::is_ascii_alphanumeric).collect();
                    let line = serde_json::json!({
                        "time": now.format("%Y-%m-%dT%H:%M:00Z").to_string(),
                        "text": paragraphs.join("\n\n"),
                        "source": outlet,
                        "url": format!("https://{slug}.example/live/{}", now.format("%Y-%m-%d")),
                    });
                    writeln!(out, "{line}")?;
                }
            }
            stats.entries += 1;
            // Live blogs run backwards in time. A busy story gets a post every few
            // minutes (several outlets together, hundreds a day), with quiet spells:
            // 100 MB is about five months of coverage.
            let gap = if rng.chance(97) { rng.range(1, 4) } else { rng.range(20, 60) };
            now -= Duration::minutes(gap as i64);
        }
        if options.format == CorpusFormat::Liveblog {
            out.write_all(b"Geopolitics\nPeace\n")?;
        }
        out.flush()?;
        stats.bytes = out.bytes;
        Ok(stats)
    }
}

/// Counts the bytes written through it.
struct Counter<'a> {
    inner: &'a mut dyn Write,
    bytes: u64,
}

impl Write for Counter<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.bytes += n as u64;
        Ok(n)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        for (s, n) in
            [("10MB", 10_000_000), ("1.5 MB", 1_500_000), ("512k", 512_000), ("1MiB", 1 << 20), ("4096", 4096)]
        {
            assert_eq!(parse_size(s), Ok(n), "{s}");
        }
        assert!(parse_size("ten").is_err());
        assert!(parse_size("10 parsecs").is_err());
    }

    #[test]
    fn thousands_groups_digits() {
        assert_eq!(thousands(600_000), "600,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
        assert_eq!(thousands(12), "12");
    }
}
