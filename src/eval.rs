//! Scoring claims against a gold annotation (`tests/data/eval/GOLD_FORMAT.md`), with the
//! matching rules of the reference scorer `score.py`: labels match when their
//! normalised token lists are equal, or when every gold token occurs in the system
//! label and the system label is at most four tokens longer; `meets` is symmetric.

use serde::{Deserialize, Serialize};

/// One reading of a gold claim.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct Form {
    pub s: Vec<String>,
    pub r: String,
    pub o: Vec<String>,
}

/// One gold claim.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct GoldClaim {
    pub id: String,
    #[serde(default)]
    pub entry: String,
    #[serde(default)]
    pub optional: bool,
    #[serde(default)]
    pub note: String,
    pub forms: Vec<Form>,
}

/// A system claim: subject label, relation name, object label.
pub type SystemClaim = (String, String, String);

/// Precision, recall, F1 and what was missed or wrong.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Score {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub system: usize,
    pub system_matched: usize,
    pub required: usize,
    pub found: usize,
    pub missed: Vec<GoldClaim>,
    pub false_positives: Vec<SystemClaim>,
}

/// Reads a gold JSON Lines file; errors name the line.
pub fn read_gold(text: &str) -> Result<Vec<GoldClaim>, String> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        out.push(serde_json::from_str(line).map_err(|e| format!("line {}: {e}", i + 1))?);
    }
    Ok(out)
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Normalises a label into tokens: lower case, quotes and possessives folded,
/// digit-group commas dropped, leading articles dropped.
pub fn norm(label: &str) -> Vec<String> {
    let t: String = label.to_lowercase().replace(['\u{2019}', '\u{2018}'], "'").replace('\u{a0}', " ");
    let chars: Vec<char> = t.chars().collect();
    let mut s = String::with_capacity(t.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == ','
            && i > 0
            && chars[i - 1].is_ascii_digit()
            && chars.len() >= i + 4
            && chars[i + 1..i + 4].iter().all(char::is_ascii_digit)
        {
            i += 1;
            continue;
        }
        if c == '\'' && chars.get(i + 1) == Some(&'s') && !chars.get(i + 2).is_some_and(|&n| is_word_char(n)) {
            i += 2;
            continue;
        }
        s.push(c);
        i += 1;
    }
    let mut toks: Vec<String> = s
        .split(|c: char| !(c.is_ascii_digit() || c.is_ascii_lowercase() || c == '.'))
        .filter(|x| !x.is_empty() && *x != ".")
        .map(|x| x.trim_matches('.').to_string())
        .filter(|x| !x.is_empty())
        .collect();
    while toks.first().is_some_and(|t| matches!(t.as_str(), "the" | "a" | "an")) {
        toks.remove(0);
    }
    toks
}

/// Whether a system label matches any of the gold alternatives.
pub fn label_match(system: &str, alts: &[String]) -> bool {
    let ns = norm(system);
    if ns.is_empty() {
        return false;
    }
    alts.iter().any(|alt| {
        let na = norm(alt);
        !na.is_empty() && (ns == na || (na.iter().all(|t| ns.contains(t)) && ns.len() <= na.len() + 4))
    })
}

/// The local name of a relation IRI (after the last '#', '/' or ':').
pub fn local_name(relation: &str) -> String {
    let r = relation.trim().trim_matches(|c| c == '<' || c == '>');
    r.rsplit(['#', '/', ':']).next().unwrap_or(r).to_lowercase()
}

fn form_match(sc: &SystemClaim, f: &Form) -> bool {
    let (s, r, o) = sc;
    if *r != f.r.to_lowercase() {
        return false;
    }
    (label_match(s, &f.s) && label_match(o, &f.o)) || (r == "meets" && label_match(o, &f.s) && label_match(s, &f.o))
}

/// Scores system claims (deduplicated) against gold claims.
pub fn score(gold: &[GoldClaim], system: &[SystemClaim]) -> Score {
    let mut system: Vec<SystemClaim> = system.to_vec();
    system.sort();
    system.dedup();
    let mut matched = std::collections::HashSet::new();
    let mut fp = Vec::new();
    let mut tp = 0;
    for sc in &system {
        let hits: Vec<&str> =
            gold.iter().filter(|g| g.forms.iter().any(|f| form_match(sc, f))).map(|g| g.id.as_str()).collect();
        if hits.is_empty() {
            fp.push(sc.clone());
        } else {
            tp += 1;
            matched.extend(hits);
        }
    }
    let required: Vec<&GoldClaim> = gold.iter().filter(|g| !g.optional).collect();
    let found = required.iter().filter(|g| matched.contains(g.id.as_str())).count();
    let missed = required.iter().filter(|g| !matched.contains(g.id.as_str())).map(|g| (*g).clone()).collect();
    let p = if system.is_empty() { 0.0 } else { tp as f64 / system.len() as f64 };
    let r = if required.is_empty() { 0.0 } else { found as f64 / required.len() as f64 };
    let f1 = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    Score {
        precision: p,
        recall: r,
        f1,
        system: system.len(),
        system_matched: tp,
        required: required.len(),
        found,
        missed,
        false_positives: fp,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalisation_matches_the_reference() {
        assert_eq!(norm("The Kiev’s 600,000-strong Army"), ["kiev", "600000", "strong", "army"]);
        assert_eq!(norm("U.S. plan"), ["u.s", "plan"]);
        assert_eq!(norm("Erdoğan"), ["erdo", "an"]);
        assert!(label_match("American peace plan", &["peace plan".into()]));
        assert!(!label_match("plan", &["peace plan".into()]));
        assert!(!label_match("b c d e f peace plan", &["peace plan".into()]));
        // Like the reference scorer, a label that is only an article matches nothing.
        assert!(!label_match("A", &["A".into()]));
        assert_eq!(local_name("<https://w3id.org/kg-news/ns#rejects>"), "rejects");
    }

    #[test]
    fn scores_with_optional_and_symmetric_meets() {
        let gold = read_gold(concat!(
            r#"{"id":"1","optional":false,"forms":[{"s":["Ann"],"r":"meets","o":["Bob"]}]}"#,
            "\n",
            r#"{"id":"2","optional":true,"forms":[{"s":["Ann"],"r":"rejects","o":["xy"]}]}"#,
            "\n",
            r#"{"id":"3","optional":false,"forms":[{"s":["Cy"],"r":"supports","o":["yz"]}]}"#
        ))
        .unwrap();
        let sys = vec![
            ("Bob".to_string(), "meets".to_string(), "Ann".to_string()),
            ("Ann".to_string(), "rejects".to_string(), "xy".to_string()),
            ("Ann".to_string(), "rejects".to_string(), "zzz".to_string()),
        ];
        let s = score(&gold, &sys);
        assert_eq!((s.system, s.system_matched, s.required, s.found), (3, 2, 2, 1));
        assert!((s.precision - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(s.missed[0].id, "3");
        assert_eq!(s.false_positives, vec![("Ann".into(), "rejects".into(), "zzz".into())]);
    }
}
