//! Closed word lists the mention and claim stages share: function words, prepositions,
//! group nouns, titles, organisation keywords. Domain vocabulary lives in `ontology/`;
//! these are English grammar.

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

/// Lower-cases a token and folds curly apostrophes.
pub fn norm(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let lower = s.to_lowercase();
    if lower.contains('’') {
        lower.replace('’', "'")
    } else {
        lower
    }
}

/// Each token's [`norm`], computed once per entry for every stage to share.
pub fn norms(text: &str, tokens: &[crate::text::Token]) -> Vec<String> {
    tokens.iter().map(|t| norm(t.text(text))).collect()
}

pub static DETERMINERS: WordList = WordList::new(&[
    "the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "my", "your", "any",
    "all", "some", "each", "every", "such", "no", "another", "both",
]);

pub static PREPOSITIONS: WordList = WordList::new(&[
    "of", "with", "to", "for", "by", "from", "on", "over", "about", "against", "between", "among", "into", "under",
    "after", "before", "during", "despite", "including", "than", "like", "in", "at", "near", "outside", "inside",
    "across", "around", "toward", "towards", "via", "throughout", "within", "upon", "onto", "amid", "regarding",
    "through", "without", "until", "behind", "beyond", "alongside",
]);

/// Prepositions that make a following place name a location, not an actor.
pub const LOCATIVE: &[&str] = &[
    "in", "at", "near", "outside", "inside", "across", "around", "toward", "towards", "via", "throughout", "within",
    "from", "into",
];

/// Verbs of motion: "travel to Moscow" is a place.
pub const MOTION: &[&str] = &[
    "travel", "travelled", "traveled", "travels", "travelling", "traveling", "fly", "flew", "flown", "go", "went",
    "goes", "going", "head", "heading", "headed", "arrive", "arrived", "arrives", "return", "returned", "returns",
    "come", "came", "trip", "visit", "journey", "moved", "move", "back",
];

pub static AUXILIARIES: WordList = WordList::new(&[
    "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would", "shall", "should", "can",
    "could", "may", "might", "must", "do", "does", "did", "'s",
]);

pub const BE: &[&str] = &["is", "are", "was", "were", "be", "been", "being", "'s"];

pub const CONJUNCTIONS: &[&str] = &["and", "or", "but", "nor", "as well as", "plus"];

/// Plural or collective nouns that, after a state or demonym, stand for that state:
/// "Russian officials", "Kiev's delegation", "EU leaders".
pub static GROUP_NOUNS: WordList = WordList::new(&[
    "officials", "official", "mediators", "diplomats", "diplomat", "delegation", "delegations", "negotiators",
    "negotiator", "government", "authorities", "side", "leadership", "administration", "team", "leaders",
    "counterparts", "forces", "military", "army", "envoys", "representatives", "ministers", "backers", "allies",
    "partners", "supporters", "sponsors", "patrons", "governments", "officers", "troops", "negotiating team",
    "foreign ministry", "defence ministry", "defense ministry", "ministry", "spokesperson", "sources",
]);

/// Plural nouns that, after a state, demonym, person or capitalised name, name a group
/// of its own, not the state: "U.S. lawmakers", "German automakers", "Assad loyalists".
pub static OWN_GROUPS: WordList = WordList::new(&[
    "lawmakers", "legislators", "senators", "congressmen", "parliamentarians", "automakers", "carmakers", "farmers",
    "loyalists", "politicians", "protesters", "protestors", "demonstrators", "activists", "rebels", "insurgents",
    "militants", "exporters", "importers", "manufacturers", "businesses", "companies", "firms", "investors", "unions",
    "producers", "fishermen", "workers", "students", "doctors", "lawyers", "judges", "prosecutors", "separatists",
    "hardliners", "moderates", "conservatives", "liberals", "nationalists", "voters", "lobbyists",
]);

/// People who act for the state named after them: "officials from Brazil",
/// "negotiators of Ukraine".
pub const ROLE_NOUNS: &[&str] = &[
    "officials", "advisers", "advisors", "negotiators", "diplomats", "representatives", "envoys", "delegation",
    "delegations", "delegates", "ministers", "lawmakers", "authorities", "leaders", "leadership", "government",
    "mediators", "emissaries", "officers", "commanders",
];

/// Group nouns that name the possessor's supporters, not the possessor.
pub const BACKER_NOUNS: &[&str] = &["backers", "allies", "partners", "supporters", "sponsors", "patrons"];

/// Role nouns for people, used when the gazetteer has no title list for someone.
/// Longest first matters: matching tries each and keeps the longest.
pub static TITLES: WordList = WordList::new(&[
    "president", "vice president", "vice premier", "premier", "trade minister", "commerce minister",
    "economy minister", "trade representative", "prime minister", "deputy prime minister", "foreign minister",
    "defence minister", "defense minister", "minister", "secretary", "secretary of state", "defense secretary",
    "defence secretary", "army secretary", "press secretary", "secretary general", "secretary-general", "envoy",
    "special envoy", "peace envoy", "spokesman", "spokeswoman", "spokesperson", "adviser", "advisor",
    "national security adviser", "aide", "top aide", "ambassador", "general", "gen.", "chancellor", "senator", "sen.",
    "commander", "chief of staff", "analyst", "correspondent", "journalist", "reporter", "editor", "columnist",
    "negotiator", "chief negotiator", "chairman", "chairwoman", "chair", "head", "leader", "king", "queen", "prince",
    "crown prince", "emir", "sheikh", "pope", "mayor", "governor", "premier", "speaker", "lawmaker", "mp", "deputy",
    "official", "diplomat", "representative", "commissioner", "high representative", "foreign policy chief",
    "army chief", "intelligence chief", "spy chief", "geopolitical analyst", "independent geopolitical analyst",
    "political analyst", "expert", "professor", "director", "ceo", "founder", "mr", "mr.", "mrs", "mrs.", "ms", "ms.",
    "dr", "dr.", "lt. gen.", "colonel", "col.", "admiral", "marshal", "field marshal", "secretary of defense",
    "attorney general", "judge", "chief justice", "presiding judge", "treasury secretary", "commerce secretary",
    "deputy foreign minister", "defense minister", "energy minister", "finance minister", "interior minister",
    "barrister", "lawyer", "attorney", "campaigner", "activist", "researcher", "economist", "scholar", "historian",
    "publisher", "chief executive", "strategist",
]);

/// Titles that mean the head of a state or organisation ("the Ukrainian leader").
pub const LEADER_TITLES: &[&str] = &[
    "president", "leader", "head of state", "prime minister", "premier", "chancellor", "king", "emir",
    "supreme leader", "crown prince",
];

/// Titles of journalists and commentators: their words are reports, not stances of a state.
pub const REPORTER_TITLES: &[&str] = &["correspondent", "journalist", "reporter", "editor", "columnist"];

/// Last words that make a capitalised name an organisation.
pub static ORG_WORDS: WordList = WordList::new(&[
    "ministry", "council", "committee", "commission", "agency", "party", "organization", "organisation", "union",
    "front", "forces", "army", "bank", "fund", "institute", "group", "movement", "alliance", "coalition", "parliament",
    "assembly", "court", "office", "department", "service", "guard", "brigade", "corps", "authority", "federation",
    "association", "foundation", "league", "navy", "command", "directorate", "secretariat", "board", "cabinet",
    "senate", "congress", "company", "corporation", "militia", "battalion",
]);

/// Capitalised words that begin sentences or headings but are not names.
pub static NOT_NAMES: WordList = WordList::new(&[
    "the", "a", "an", "in", "on", "at", "as", "but", "and", "or", "yet", "so", "if", "when", "while", "after",
    "before", "since", "meanwhile", "however", "earlier", "later", "once", "simultaneously", "only", "there", "this",
    "that", "these", "those", "it", "he", "she", "they", "we", "i", "you", "his", "her", "their", "our", "my", "its",
    "one", "under", "points", "nor", "western", "eastern", "northern", "southern", "live", "updates", "breaking",
    "read", "file", "photo", "news", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "thanksgiving", "christmas", "easter", "ramadan", "gmt", "utc", "bst", "cet", "ok", "according",
    "citing", "despite", "following", "amid", "with", "without", "for", "from", "to", "by", "of", "what", "who", "why",
    "how", "where", "which", "all", "no", "not", "none", "some", "many", "most", "more", "less", "both", "either",
    "neither", "each", "every", "also", "still", "even", "just", "now", "then", "today", "tomorrow", "yesterday",
    "here", "we're", "i'm", "it's", "that's", "there's", "let", "mr", "mrs", "ms", "dr", "president", "minister",
    "secretary", "war", "peace", "final", "only", "until", "unless", "although", "though", "because",
]);

/// Nouns that, right after an actor name, make the name a modifier ("the US plan").
pub static HEAD_NOUNS: WordList = WordList::new(&[
    "plan", "plans", "proposal", "proposals", "framework", "draft", "deal", "initiative", "blueprint", "roadmap",
    "conflict", "war", "crisis", "peace", "talks", "forces", "army", "troops", "military", "economy", "border",
    "territory", "territories", "side", "delegation", "media", "president", "leader", "envoy", "government",
    "sanctions", "ceasefire", "negotiations", "position", "positions", "demand", "demands", "counterpart",
    "counterparts", "official", "officials", "soil", "strikes", "attacks", "offensive", "invasion", "agreement",
    "point", "points", "version", "team", "summit", "visit", "interests", "aid", "assets", "membership",
    "correspondent", "army secretary", "secretary", "minister", "forces", "state", "people", "stance", "counter-plan",
    "counterplan", "counter-proposal", "counterproposal", "security", "election", "elections", "economy", "market",
    "oil", "gas", "energy", "drones", "missiles", "weapons", "warplanes", "intelligence",
]);

/// Personal pronouns and the kinds of entity they can stand for.
pub const PERSON_PRONOUNS: &[&str] = &["he", "him", "his", "she", "her", "hers", "himself", "herself"];
pub const THING_PRONOUNS: &[&str] = &["it", "its", "itself"];
pub const PLURAL_PRONOUNS: &[&str] = &["they", "them", "their", "themselves"];
pub const FIRST_PERSON: &[&str] = &["i", "me", "my", "we", "our", "us", "myself", "ourselves"];

/// Possessive pronouns: as subjects of event nouns ("his meeting with").
/// Definite descriptions that refer back like pronouns: "the group" is the latest
/// organisation, "the country" the latest state.
pub const ORG_DESCRIPTIONS: &[&str] =
    &["group", "movement", "militants", "organisation", "organization", "alliance", "bloc", "militia"];
pub const STATE_DESCRIPTIONS: &[&str] =
    &["country", "government", "nation", "kingdom", "republic", "state", "ministry", "administration"];

pub const POSSESSIVE_PRONOUNS: &[&str] = &["his", "her", "its", "their", "my", "our"];

/// Whether `word` is in `list`: a plain slice (scanned) or a [`WordList`] (hashed).
pub fn is_in<L: Words + ?Sized>(list: &L, word: &str) -> bool {
    list.has(word)
}

/// A list of words or phrases that can say whether it holds one.
pub trait Words {
    fn has(&self, word: &str) -> bool;
}

impl Words for [&str] {
    fn has(&self, word: &str) -> bool {
        self.contains(&word)
    }
}

impl<const N: usize> Words for [&str; N] {
    fn has(&self, word: &str) -> bool {
        self.contains(&word)
    }
}

/// A long closed list, looked up in a hash set built on first use: the extractor asks
/// these lists about every token, and scanning a hundred titles each time showed in
/// profiles.
pub struct WordList {
    words: &'static [&'static str],
    set: OnceLock<FxHashSet<&'static str>>,
}

impl WordList {
    pub const fn new(words: &'static [&'static str]) -> WordList {
        WordList { words, set: OnceLock::new() }
    }
}

impl Words for WordList {
    fn has(&self, word: &str) -> bool {
        self.set.get_or_init(|| self.words.iter().copied().collect()).contains(word)
    }
}

/// Adverbs of time that end a noun phrase ("rejected the plan yesterday").
pub const TIME_ADVERBS: &[&str] = &["today", "tonight", "yesterday", "tomorrow", "overnight"];

/// Adverbs that end a noun phrase when a time follows or nothing does ("the proposal
/// earlier today", "the plan again."), not inside one ("an earlier draft").
pub const SOMETIMES_TIME_ADVERBS: &[&str] = &["earlier", "later", "now", "again", "recently"];

/// Words that, after "last", "next" or "this", make a time ("the deal last week").
pub const TIME_NOUNS: &[&str] = &[
    "week", "month", "year", "night", "morning", "afternoon", "evening", "weekend", "spring", "summer", "autumn",
    "fall", "winter", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
];
