//! Dependency parser: greedy arc-hybrid transitions (shift, left-arc, right-arc),
//! chosen by an averaged perceptron over hashed features of the stack, the buffer and
//! the arcs built so far, trained with a dynamic oracle (Goldberg & Nivre 2013) so
//! that it learns to recover from its own mistakes. Each arc's UD relation is chosen
//! by a second perceptron when the arc is made: the dependent's subtree is complete
//! then (arc-hybrid attaches a word when it leaves the stack), and three moves instead
//! of a hundred labelled ones keep the parser fast. Non-projective training trees are
//! lifted to projective ones first.

use super::perceptron::{feat, put_str, put_u32, Reader, Trainer, Weights};
use super::tagger::WordFeatures;

/// The root's position; words are 1..=n.
const ROOT: usize = 0;

/// What one word of the sentence shows the parser.
#[derive(Debug, Clone, Copy)]
pub struct ParserInput {
    pub word: WordFeatures,
    pub tag: u8,
    /// Whether the word is punctuation.
    pub punct: bool,
    /// Hash of the word's lemma.
    pub lemma: u64,
}

/// Parser state: stack, buffer front and arcs so far.
struct State {
    n: usize,
    stack: Vec<usize>,
    b: usize,
    head: Vec<usize>,
    label: Vec<u8>,
    /// Per word: leftmost two and rightmost two children, and child counts.
    l1: Vec<usize>,
    l2: Vec<usize>,
    r1: Vec<usize>,
    r2: Vec<usize>,
    nl: Vec<u8>,
    nr: Vec<u8>,
    /// Per word: bit set of its left and right children's labels.
    lset: Vec<u64>,
    rset: Vec<u64>,
    /// punct_before[i]: punctuation words among 1..i.
    punct_before: Vec<u16>,
}

const NO: usize = usize::MAX;

impl State {
    fn new(input: &[ParserInput]) -> State {
        let n = input.len();
        let mut stack = Vec::with_capacity(n + 1);
        stack.push(ROOT);
        let mut punct_before = Vec::with_capacity(n + 2);
        punct_before.push(0u16);
        for w in input {
            let last = *punct_before.last().expect("starts with 0");
            punct_before.push(last.saturating_add(u16::from(w.punct)));
        }
        State {
            punct_before,
            n,
            stack,
            b: 1,
            head: vec![NO; n + 1],
            label: vec![0; n + 1],
            l1: vec![NO; n + 1],
            l2: vec![NO; n + 1],
            r1: vec![NO; n + 1],
            r2: vec![NO; n + 1],
            nl: vec![0; n + 1],
            nr: vec![0; n + 1],
            lset: vec![0; n + 1],
            rset: vec![0; n + 1],
        }
    }

    /// Punctuation strictly between words a < b, bucketed 0, 1, 2+.
    fn punct_between(&self, a: usize, b: usize) -> u64 {
        if a == NO || b == NO || a + 1 >= b {
            return 0;
        }
        u64::from((self.punct_before[b - 1] - self.punct_before[a]).min(2))
    }

    fn done(&self) -> bool {
        self.b > self.n && self.stack.len() == 1
    }

    fn s(&self, k: usize) -> usize {
        let len = self.stack.len();
        if k < len {
            self.stack[len - 1 - k]
        } else {
            NO
        }
    }

    fn buf(&self, k: usize) -> usize {
        let i = self.b + k;
        if i <= self.n {
            i
        } else {
            NO
        }
    }

    fn attach(&mut self, head: usize, dep: usize, label: u8) {
        self.head[dep] = head;
        self.label[dep] = label;
        if dep < head {
            // Left children arrive nearest first.
            self.l2[head] = self.l1[head];
            self.l1[head] = dep;
            self.nl[head] = self.nl[head].saturating_add(1);
            self.lset[head] |= 1 << (label & 63);
        } else {
            self.r2[head] = self.r1[head];
            self.r1[head] = dep;
            self.nr[head] = self.nr[head].saturating_add(1);
            self.rset[head] |= 1 << (label & 63);
        }
    }
}

/// The three moves; 0, 1, 2 are also their classes.
const SHIFT: usize = 0;
const LEFT: usize = 1;
const RIGHT: usize = 2;

/// Which moves are valid in this state. The root takes its one dependent last.
fn valid(st: &State) -> [bool; 3] {
    let has_buf = st.b <= st.n;
    let s0 = st.s(0);
    let right = st.stack.len() >= 2 && (st.s(1) != ROOT || (!has_buf && st.stack.len() == 2));
    let mut ok = [false; 3];
    ok[SHIFT] = has_buf;
    ok[LEFT] = s0 != NO && s0 != ROOT && has_buf;
    ok[RIGHT] = right;
    ok
}

/// The (head, dependent) a left or right move makes.
fn arc(st: &State, mv: usize) -> (usize, usize) {
    if mv == LEFT {
        (st.b, st.s(0))
    } else {
        (st.s(1), st.s(0))
    }
}

fn apply(st: &mut State, mv: usize, label: u8) {
    match mv {
        SHIFT => {
            st.stack.push(st.b);
            st.b += 1;
        }
        _ => {
            let (h, d) = arc(st, mv);
            st.stack.pop();
            st.attach(h, d, label);
        }
    }
}

/// Distance buckets.
fn dist(a: usize, b: usize) -> u64 {
    if a == NO || b == NO {
        return 0;
    }
    match a.abs_diff(b) {
        d @ 0..=4 => d as u64,
        5..=7 => 5,
        _ => 6,
    }
}

const NONE: u64 = 0x7777;

fn features(st: &State, input: &[ParserInput], out: &mut Vec<u64>) {
    out.clear();
    // Index 0 of `input` is word 1.
    let w = |i: usize| -> u64 {
        match i {
            NO => NONE,
            ROOT => 0x1001,
            i => input[i - 1].word.lower,
        }
    };
    let t = |i: usize| -> u64 {
        match i {
            NO => 40,
            ROOT => 41,
            i => u64::from(input[i - 1].tag),
        }
    };
    let lem = |i: usize| -> u64 {
        match i {
            NO => NONE,
            ROOT => 0x1002,
            i => input[i - 1].lemma,
        }
    };
    let l = |i: usize| -> u64 {
        match i {
            NO => 200,
            i => u64::from(st.label[i]),
        }
    };
    let get = |v: &Vec<usize>, i: usize| if i == NO { NO } else { v[i] };
    let (s0, s1, s2) = (st.s(0), st.s(1), st.s(2));
    let (b0, b1, b2) = (st.buf(0), st.buf(1), st.buf(2));
    let (s0w, s0t, s1w, s1t, b0w, b0t, b1w, b1t) = (w(s0), t(s0), w(s1), t(s1), w(b0), t(b0), w(b1), t(b1));
    let (s0l1, s0l2, s0r1, s0r2) = (get(&st.l1, s0), get(&st.l2, s0), get(&st.r1, s0), get(&st.r2, s0));
    let (s1l1, s1r1, b0l1, b0l2) = (get(&st.l1, s1), get(&st.r1, s1), get(&st.l1, b0), get(&st.l2, b0));
    let d = dist(s0, b0);
    let vl = |i: usize| if i == NO { 99 } else { u64::from(st.nl[i]) };
    let vr = |i: usize| if i == NO { 99 } else { u64::from(st.nr[i]) };
    let ls = |i: usize| if i == NO { 1 << 63 } else { st.lset[i] };
    let rs = |i: usize| if i == NO { 1 << 63 } else { st.rset[i] };
    let mut k = 0u64;
    let mut push = |a: u64, b: u64, c: u64| {
        k += 1;
        out.push(feat(k, a, b, c));
    };
    // Single words.
    push(s0w, 0, 0);
    push(s0t, 0, 0);
    push(s0w, s0t, 0);
    push(s1w, 0, 0);
    push(s1t, 0, 0);
    push(s1w, s1t, 0);
    push(b0w, 0, 0);
    push(b0t, 0, 0);
    push(b0w, b0t, 0);
    push(b1w, 0, 0);
    push(b1t, 0, 0);
    push(b1w, b1t, 0);
    push(w(b2), 0, 0);
    push(t(b2), 0, 0);
    push(t(s2), 0, 0);
    // Pairs.
    push(s0w ^ s0t.rotate_left(7), b0w, b0t);
    push(s0w, s0t, b0w);
    push(s0w, b0w, b0t);
    push(s0w, s0t, b0t);
    push(s0t, b0w, b0t);
    push(s0w, b0w, 0);
    push(s0t, b0t, 0);
    push(b0t, b1t, 0);
    push(s0w, s1w, 0);
    push(s0t, s1t, 0);
    push(s1t, b0t, 0);
    push(s1w, b0w, 0);
    // Triples of tags.
    push(b0t, b1t, t(b2));
    push(s0t, b0t, b1t);
    push(s1t, s0t, b0t);
    push(s0t, t(s0l1), b0t);
    push(s0t, t(s0r1), b0t);
    push(s0t, b0t, t(b0l1));
    push(s1t, t(s1r1), s0t);
    push(s1t, t(s1l1), s0t);
    push(s1t, s0t, t(s0r1));
    push(t(s2), s1t, s0t);
    push(s0t, t(s0l1), t(s0l2));
    push(s0t, t(s0r1), t(s0r2));
    push(b0t, t(b0l1), t(b0l2));
    // Distance.
    push(s0w, d, 0);
    push(s0t, d, 0);
    push(b0w, d, 0);
    push(b0t, d, 0);
    push(s0t, b0t, d);
    push(s0w, b0w, d);
    // Valency.
    push(s0w, vl(s0), 0);
    push(s0t, vl(s0), 0);
    push(s0w, vr(s0), 0);
    push(s0t, vr(s0), 0);
    push(b0w, vl(b0), 0);
    push(b0t, vl(b0), 0);
    push(s1t, vr(s1), 0);
    // Children.
    push(w(s0l1), 0, 0);
    push(t(s0l1), 0, 0);
    push(l(s0l1), 0, 0);
    push(w(s0r1), 0, 0);
    push(t(s0r1), 0, 0);
    push(l(s0r1), 0, 0);
    push(w(b0l1), 0, 0);
    push(t(b0l1), 0, 0);
    push(l(b0l1), 0, 0);
    push(t(s1l1), l(s1l1), 0);
    push(t(s1r1), l(s1r1), 0);
    push(t(s0l2), l(s0l2), 0);
    push(t(s0r2), l(s0r2), 0);
    push(t(b0l2), l(b0l2), 0);
    push(s0t, l(s0l1), l(s0l2));
    push(s0t, l(s0r1), l(s0r2));
    push(b0t, l(b0l1), l(b0l2));
    // Label sets.
    push(s0w, ls(s0), 0);
    push(s0t, ls(s0), 0);
    push(s0w, rs(s0), 0);
    push(s0t, rs(s0), 0);
    push(b0w, ls(b0), 0);
    push(b0t, ls(b0), 0);
    push(s1t, rs(s1), s0t);
    // Distance and punctuation between the top two of the stack, and before the buffer.
    let d1 = if s1 == ROOT { 7 } else { dist(s1, s0) };
    push(s1t, s0t, d1);
    push(s0w, d1, 0);
    push(s1w, d1, 0);
    let (p1, pb) = (st.punct_between(s1, s0), st.punct_between(s0, b0));
    push(s1t, s0t, p1);
    push(s0t, b0t, pb);
    push(s0w, b0t, pb);
    push(s0t, b0w, pb);
    // Lemmas: one weight for every inflection of a verb or noun.
    let (s0m, s1m, b0m) = (lem(s0), lem(s1), lem(b0));
    push(s0m, 0, 0);
    push(b0m, 0, 0);
    push(s0m, b0m, 0);
    push(s0m, b0t, 0);
    push(s0t, b0m, 0);
    push(s1m, s0m, 0);
    push(s1m, s0t, 0);
}

/// Features for the relation of an arc from `h` to `d`.
fn label_features(st: &State, input: &[ParserInput], h: usize, d: usize, out: &mut Vec<u64>) {
    out.clear();
    let w = |i: usize| if i == NO || i == ROOT || i > st.n { NONE } else { input[i - 1].word.lower };
    let t = |i: usize| match i {
        NO => 40,
        ROOT => 41,
        i if i > st.n => 42,
        i => u64::from(input[i - 1].tag),
    };
    let m = |i: usize| if i == NO || i == ROOT || i > st.n { NONE } else { input[i - 1].lemma };
    let l = |i: usize| if i == NO { 200 } else { u64::from(st.label[i]) };
    let (dw, dt, dm, hw, ht, hm) = (w(d), t(d), m(d), w(h), t(h), m(h));
    let dir = u64::from(h != ROOT && h < d);
    let dd = if h == ROOT { 7 } else { dist(h, d) };
    let (dl1, dr1) = (st.l1[d], st.r1[d]);
    let mut k = 1000u64;
    let mut push = |a: u64, b: u64, c: u64| {
        k += 1;
        out.push(feat(k, a, b, c));
    };
    push(dw, 0, 0);
    push(dt, 0, 0);
    push(dm, 0, 0);
    push(dw, dt, 0);
    push(hw, 0, 0);
    push(ht, 0, 0);
    push(hm, 0, 0);
    push(dt, ht, dir);
    push(dt, ht, dd);
    push(dw, ht, dir);
    push(dt, hw, dir);
    push(dm, hm, dir);
    push(dm, ht, 0);
    push(dt, hm, 0);
    push(dt, st.lset[d], st.rset[d]);
    push(dt, st.lset[d], ht);
    push(dt, st.rset[d], ht);
    push(dt, w(dl1), l(dl1));
    push(dt, t(dl1), l(dl1));
    push(dt, t(dr1), l(dr1));
    push(dt, ht, st.lset[h] ^ st.rset[h].rotate_left(32));
    push(dt, t(d + 1), t(d.wrapping_sub(1)));
    push(dt, ht, t(st.buf(0)));
    push(dt, ht, st.punct_between(d.min(h), d.max(h)));
    push(dm, dir, 0);
    push(hm, dt, dir);
    push(dt, dir, u64::from(st.nl[d]) << 8 | u64::from(st.nr[d]));
    // The dependent's first child is often its case marker or determiner ("of", "by").
    let dl2 = st.l2[d];
    push(dt, ht, w(dl1));
    push(dm, w(dl1), dir);
    push(dt, w(dl2), t(dl2));
    push(dt, w(d.wrapping_sub(1)), 0);
    push(ht, w(dl1), dir);
    push(hm, w(dl1), dt);
    push(dt, hw, w(dl1));
    push(dw, hw, dir);
}

/// A trained parser.
#[derive(Debug, Clone, PartialEq)]
pub struct Parser {
    /// Scores the three moves.
    moves: Weights,
    /// Scores the relations of an arc.
    arcs: Weights,
    labels: Vec<String>,
    root: u8,
}

/// A parse: for each word its head (0 = root, else 1-based) and relation index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Arcs {
    pub head: Vec<usize>,
    pub label: Vec<u8>,
}

/// The best relation for an arc: the root's dependent is "root", no other is.
fn best_label(scores: &[f32], root: u8, to_root: bool) -> u8 {
    if to_root {
        return root;
    }
    let mut best = usize::MAX;
    for (i, s) in scores.iter().enumerate() {
        if i != root as usize && (best == usize::MAX || *s > scores[best]) {
            best = i;
        }
    }
    best as u8
}

impl Parser {
    /// The relation names, indexed by [`Arcs::label`].
    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    /// This parser without weights smaller than `min`.
    pub fn pruned(&self, min: f32) -> Parser {
        Parser { moves: self.moves.pruned(min), arcs: self.arcs.pruned(min), ..self.clone() }
    }

    /// What the weight tables hold, for reports.
    pub fn describe(&self) -> String {
        format!("moves: {}; relations: {}", self.moves.describe(), self.arcs.describe())
    }

    /// Number of stored weights.
    pub fn len(&self) -> usize {
        self.moves.len() + self.arcs.len()
    }

    /// Whether no weight is stored.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Parses one sentence.
    pub fn parse(&self, input: &[ParserInput]) -> Arcs {
        let mut st = State::new(input);
        let mut feats = Vec::with_capacity(128);
        let mut scores = [0f32; 3];
        let mut label_scores = vec![0f32; self.labels.len()];
        while !st.done() {
            features(&st, input, &mut feats);
            self.moves.score(&feats, &mut scores);
            let mv = best_valid(&scores, &valid(&st));
            let mut label = 0;
            if mv != SHIFT {
                let (h, d) = arc(&st, mv);
                label_features(&st, input, h, d, &mut feats);
                self.arcs.score(&feats, &mut label_scores);
                label = best_label(&label_scores, self.root, h == ROOT);
            }
            apply(&mut st, mv, label);
        }
        Arcs {
            head: st.head[1..].iter().map(|h| if *h == NO { 0 } else { *h }).collect(),
            label: st.label[1..].to_vec(),
        }
    }

    /// Serialises the parser.
    pub fn write(&self, out: &mut Vec<u8>) {
        put_str(out, "parser");
        put_u32(out, self.labels.len() as u32);
        self.labels.iter().for_each(|l| put_str(out, l));
        self.moves.write(out);
        self.arcs.write(out);
    }

    /// Reads a parser written by [`Parser::write`].
    pub fn read(r: &mut Reader<'_>) -> Result<Parser, String> {
        if r.string()? != "parser" {
            return Err("expected the parser section".into());
        }
        let n = r.u32()? as usize;
        if n == 0 || n > 250 {
            return Err("bad relation count".into());
        }
        let labels: Vec<String> = (0..n).map(|_| r.string()).collect::<Result<_, _>>()?;
        let root = labels.iter().position(|l| l == "root").ok_or("no root relation")? as u8;
        let moves = Weights::read(r)?;
        let arcs = Weights::read(r)?;
        if moves.classes() != 3 || arcs.classes() != n {
            return Err("parser weights do not fit its moves and relations".into());
        }
        Ok(Parser { moves, arcs, labels, root })
    }
}

fn best_valid(scores: &[f32], ok: &[bool; 3]) -> usize {
    let mut best = usize::MAX;
    for (i, s) in scores.iter().enumerate() {
        if ok[i] && (best == usize::MAX || *s > scores[best]) {
            best = i;
        }
    }
    best
}

/// Lifts non-projective arcs (to the head's head) until the tree is projective.
pub fn projectivize(head: &mut [usize]) {
    // head[i] for word i+1; 0 = root.
    let n = head.len();
    let h = |head: &[usize], i: usize| head[i - 1];
    let dominates = |head: &[usize], a: usize, mut d: usize| {
        let mut steps = 0;
        while d != 0 && steps <= n {
            if d == a {
                return true;
            }
            d = h(head, d);
            steps += 1;
        }
        a == 0
    };
    for _ in 0..n * n {
        // The shortest non-projective arc.
        let mut worst: Option<(usize, usize)> = None;
        for d in 1..=n {
            let hd = h(head, d);
            let (lo, hi) = if hd < d { (hd, d) } else { (d, hd) };
            let nonproj = (lo + 1..hi).any(|k| !dominates(head, hd, k));
            if nonproj && worst.is_none_or(|(_, wd)| hi - lo < wd) {
                worst = Some((d, hi - lo));
            }
        }
        let Some((d, _)) = worst else { return };
        let hd = h(head, d);
        if hd == 0 {
            return;
        }
        head[d - 1] = h(head, hd);
    }
}

/// Trains a parser with the dynamic oracle.
pub struct ParserTrainer {
    moves: Trainer,
    arcs: Trainer,
    labels: Vec<String>,
    root: u8,
    rng: u64,
}

/// One training sentence: inputs, gold heads (projective) and relation indices.
pub struct ParserExample {
    pub input: Vec<ParserInput>,
    pub head: Vec<usize>,
    pub label: Vec<u8>,
}

impl ParserTrainer {
    /// A trainer for these relations (which must include "root").
    pub fn new(labels: Vec<String>, seed: u64) -> Self {
        let root = labels.iter().position(|l| l == "root").expect("treebank has a root relation") as u8;
        ParserTrainer { moves: Trainer::new(3), arcs: Trainer::new(labels.len()), labels, root, rng: seed | 1 }
    }

    fn random(&mut self) -> f64 {
        // xorshift64*: deterministic for a seed.
        self.rng ^= self.rng >> 12;
        self.rng ^= self.rng << 25;
        self.rng ^= self.rng >> 27;
        (self.rng.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11) as f64 / (1u64 << 53) as f64
    }

    /// One pass; `explore` lets the parser follow its own wrong moves (after the first
    /// epoch). Returns the share of moves predicted at zero cost.
    pub fn epoch(&mut self, data: &[ParserExample], order: &[usize], explore: bool) -> f64 {
        let mut feats = Vec::with_capacity(128);
        let mut scores = [0f32; 3];
        let mut label_scores = vec![0f32; self.labels.len()];
        let (mut right, mut all) = (0usize, 0usize);
        for &s in order {
            let ex = &data[s];
            let n = ex.input.len();
            // gold[i] for word i (1-based); index 0 unused.
            let mut gh = vec![0usize; n + 1];
            let mut gl = vec![0u8; n + 1];
            gh[1..].copy_from_slice(&ex.head);
            gl[1..].copy_from_slice(&ex.label);
            let mut st = State::new(&ex.input);
            while !st.done() {
                features(&st, &ex.input, &mut feats);
                self.moves.score(&feats, &mut scores);
                let ok = valid(&st);
                let guess = best_valid(&scores, &ok);
                let c = Costs::of(&st, &gh);
                let cost = [c.shift, c.left, c.right];
                let min = (0..3).filter(|m| ok[*m]).map(|m| cost[m]).min().expect("a valid move");
                let mut best = usize::MAX;
                for m in 0..3 {
                    if ok[m] && cost[m] == min && (best == usize::MAX || scores[m] > scores[best]) {
                        best = m;
                    }
                }
                self.moves.tick();
                let guess_ok = cost[guess] == min;
                right += usize::from(guess_ok);
                all += 1;
                if !guess_ok {
                    self.moves.update(&feats, best, guess);
                }
                let mv = if guess_ok || (explore && self.random() < 0.9) { guess } else { best };
                let mut label = 0;
                if mv != SHIFT {
                    let (h, d) = arc(&st, mv);
                    label_features(&st, &ex.input, h, d, &mut feats);
                    self.arcs.score(&feats, &mut label_scores);
                    label = best_label(&label_scores, self.root, h == ROOT);
                    // Relations are learnt on arcs with the right head.
                    if gh[d] == h && h != ROOT {
                        self.arcs.tick();
                        self.arcs.update(&feats, gl[d] as usize, label as usize);
                    }
                }
                apply(&mut st, mv, label);
            }
        }
        right as f64 / all.max(1) as f64
    }

    /// The averaged parser.
    pub fn freeze(&self, min_weight: f32) -> Parser {
        Parser {
            moves: self.moves.freeze(min_weight),
            arcs: self.arcs.freeze(min_weight),
            labels: self.labels.clone(),
            root: self.root,
        }
    }
}

/// Arcs lost by each move (arc-hybrid dynamic oracle).
struct Costs {
    shift: u32,
    left: u32,
    right: u32,
}

impl Costs {
    fn of(st: &State, gh: &[usize]) -> Costs {
        let s0 = st.s(0);
        let s1 = st.s(1);
        let b0 = st.b;
        let in_buf = |x: usize| x >= st.b && x <= st.n && x != NO;
        let mut shift = 0;
        if b0 <= st.n {
            for &s in &st.stack {
                if s != ROOT && gh[s] == b0 {
                    shift += 1;
                }
                if s != s0 && gh[b0] == s {
                    shift += 1;
                }
            }
        }
        let (mut left, mut right) = (0, 0);
        if s0 != NO && s0 != ROOT {
            let kids = (st.b..=st.n).filter(|b| gh[*b] == s0).count() as u32;
            left = kids + u32::from(gh[s0] == s1 || (in_buf(gh[s0]) && gh[s0] != b0));
            right = kids + u32::from(in_buf(gh[s0]));
        }
        Costs { shift, left, right }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lifts_crossing_arcs() {
        // 1 <- 2 (root) -> 3 -> 4: projective, unchanged.
        let mut head = vec![2, 0, 2, 3];
        projectivize(&mut head);
        assert_eq!(head, [2, 0, 2, 3]);
        // 4 -> 2 spans 3, which 4 does not dominate: lifted to 4's head, 1.
        let mut head = vec![0, 4, 1, 1];
        projectivize(&mut head);
        assert_eq!(head, [0, 1, 1, 1]);
        // 3 -> 1 spans the root word 2: lifted to 3's head, 2.
        let mut head = vec![3, 0, 2, 2];
        projectivize(&mut head);
        assert_eq!(head, [2, 0, 2, 2]);
    }

    #[test]
    fn parses_with_a_valid_tree() {
        // Whatever the weights, every word gets one head and the tree has one root.
        let model = crate::syntax::Model::bundled();
        let text = "If the talks fail , officials said , the truce that both sides signed in May will end .";
        let forms: Vec<&str> = text.split(' ').collect();
        let a = model.analyze_forms(&forms);
        assert_eq!(a.head.iter().filter(|h| **h == 0).count(), 1);
        assert!(a.head.iter().enumerate().all(|(i, h)| *h <= forms.len() && *h != i + 1));
    }
}
