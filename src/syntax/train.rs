//! Training and evaluation on a CoNLL-U treebank (UD English-EWT), for `kg-train`.
//!
//! Deterministic: sentences are shuffled by a seeded generator, hash maps are
//! FxHash (no random state) and everything written is sorted, so the same treebank
//! and options give the same model bytes. The parser learns from tags the tagger
//! predicted on data it was not trained on (k-fold jackknifing), as it meets them at
//! run time.

use super::conllu::GoldSentence;
use super::lemma::Lemmatizer;
use super::parser::{projectivize, ParserExample, ParserInput, ParserTrainer};
use super::tagger::{upos_index, TaggerTrainer, WordFeatures};
use super::{model_form, Model};

/// Training settings.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    pub tagger_epochs: usize,
    pub parser_epochs: usize,
    /// Folds for jackknifed parser-training tags (1 = gold tags).
    pub folds: usize,
    pub seed: u64,
    /// Averaged weights smaller than this are dropped from the model.
    pub min_weight: f32,
    /// Tag twice, the second time seeing the first pass's tags of the next words
    /// (needs folds > 1; on EWT dev it gained 0.03 points for twice the tagging time).
    pub second_pass: bool,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions { tagger_epochs: 8, parser_epochs: 12, folds: 4, seed: 1, min_weight: 1.0, second_pass: false }
    }
}

/// Accuracy figures on a treebank, on its own words.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Scores {
    pub words: usize,
    pub upos: f64,
    pub uas: f64,
    /// Labelled attachment on the universal part of the relation (CoNLL 2018).
    pub las: f64,
    /// Labelled attachment on the full relation, subtypes included.
    pub las_full: f64,
    pub lemma: f64,
}

impl std::fmt::Display for Scores {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "UPOS {:.2}%  UAS {:.2}%  LAS {:.2}%  (full relations {:.2}%)  lemmas {:.2}%  on {} words",
            self.upos * 100.0,
            self.uas * 100.0,
            self.las * 100.0,
            self.las_full * 100.0,
            self.lemma * 100.0,
            self.words
        )
    }
}

fn universal(rel: &str) -> &str {
    rel.split(':').next().unwrap_or(rel)
}

/// Scores `model` on gold sentences (tags predicted, not gold, as the parser's input).
pub fn evaluate(model: &Model, gold: &[GoldSentence]) -> Scores {
    let (mut n, mut tag, mut ua, mut la, mut laf, mut lem) = (0usize, 0, 0, 0, 0, 0);
    let rels = model.relations();
    for s in gold {
        let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
        let a = model.analyze_forms(&forms);
        for (i, w) in s.words.iter().enumerate() {
            n += 1;
            tag += usize::from(super::UPOS[a.upos[i] as usize] == w.upos);
            lem += usize::from(a.lemmas[i] == w.lemma || a.lemmas[i].to_lowercase() == w.lemma.to_lowercase());
            if a.head[i] == w.head {
                ua += 1;
                let rel = rels[a.label[i] as usize].as_str();
                la += usize::from(universal(rel) == universal(&w.deprel));
                laf += usize::from(rel == w.deprel);
            }
        }
    }
    let r = |k: usize| k as f64 / n.max(1) as f64;
    Scores { words: n, upos: r(tag), uas: r(ua), las: r(la), las_full: r(laf), lemma: r(lem) }
}

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn shuffle(&mut self, v: &mut [usize]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

type Tagged = (Vec<WordFeatures>, Vec<u8>);

fn joint(w: &super::conllu::GoldWord) -> String {
    format!("{} {}", w.upos, w.xpos)
}

/// The tag set: "UPOS XPOS" pairs by frequency, then name.
fn tag_set(s: &[GoldSentence]) -> Vec<String> {
    let mut counts: std::collections::BTreeMap<String, usize> = Default::default();
    for w in s.iter().flat_map(|s| &s.words) {
        *counts.entry(joint(w)).or_default() += 1;
    }
    let mut tags: Vec<(String, usize)> = counts.into_iter().collect();
    tags.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    tags.into_iter().take(250).map(|t| t.0).collect()
}

fn tagger_data(s: &[GoldSentence], tags: &[String]) -> Vec<Tagged> {
    s.iter()
        .map(|s| {
            let feats = s.words.iter().map(|w| WordFeatures::of(&model_form(&w.form))).collect();
            let t = s
                .words
                .iter()
                .map(|w| {
                    let j = joint(w);
                    // A pair unseen in training falls back to the commonest of its UPOS.
                    tags.iter()
                        .position(|t| *t == j)
                        .or_else(|| tags.iter().position(|t| t.split(' ').next() == Some(w.upos.as_str())))
                        .unwrap_or(0) as u8
                })
                .collect();
            (feats, t)
        })
        .collect()
}

fn train_tagger(
    data: &[Tagged],
    opts: &TrainOptions,
    tags: &[String],
    seed: u64,
    ahead: Option<&[Vec<u8>]>,
    mut each_epoch: impl FnMut(usize, f64, &super::tagger::Tagger),
) -> super::tagger::Tagger {
    let mut t = TaggerTrainer::new(data, tags.to_vec());
    let mut rng = Rng(seed | 1);
    let mut order: Vec<usize> = (0..data.len()).collect();
    for e in 0..opts.tagger_epochs {
        rng.shuffle(&mut order);
        let acc = t.epoch(data, &order, ahead);
        each_epoch(e, acc, &t.freeze(opts.min_weight));
    }
    t.freeze(opts.min_weight)
}

/// Trains tagger, parser and lemmatizer; `progress` gets one line per step (with dev
/// accuracy after each epoch).
pub fn train(
    train: &[GoldSentence],
    dev: &[GoldSentence],
    opts: &TrainOptions,
    progress: &mut dyn FnMut(String),
) -> Model {
    let started = std::time::Instant::now();
    let elapsed = || format!("{:>6.1}s", started.elapsed().as_secs_f64());
    let tags = tag_set(train);
    let data = tagger_data(train, &tags);
    let dev_data = tagger_data(dev, &tags);
    let tag_acc = |t: &super::tagger::Tagger, d: &[Tagged]| {
        let (mut ok, mut n) = (0usize, 0usize);
        for (f, g) in d {
            let p = t.tag(f);
            ok += p.iter().zip(g).filter(|(a, b)| t.upos(**a) == t.upos(**b)).count();
            n += g.len();
        }
        ok as f64 / n.max(1) as f64
    };

    // Jackknifed tags for the parser's training data, folds trained side by side.
    let folds = opts.folds.max(1);
    let mut predicted: Vec<Vec<u8>> = data.iter().map(|(_, t)| t.clone()).collect();
    if folds > 1 {
        progress(format!("{} tagging the training set in {folds} folds", elapsed()));
        let fold_tags: Vec<Vec<(usize, Vec<u8>)>> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..folds)
                .map(|k| {
                    let (data, tags) = (&data, &tags);
                    scope.spawn(move || {
                        let rest: Vec<Tagged> =
                            data.iter().enumerate().filter(|(i, _)| i % folds != k).map(|(_, d)| d.clone()).collect();
                        let t = train_tagger(&rest, opts, tags, opts.seed + 100 + k as u64, None, |_, _, _| {});
                        data.iter()
                            .enumerate()
                            .filter(|(i, _)| i % folds == k)
                            .map(|(i, (f, _))| (i, t.tag(f)))
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().expect("a fold's tagger thread")).collect()
        });
        for (i, tags) in fold_tags.into_iter().flatten() {
            predicted[i] = tags;
        }
        let (ok, n) = predicted
            .iter()
            .zip(&data)
            .fold((0, 0), |(ok, n), (p, (_, g))| (ok + p.iter().zip(g).filter(|(a, b)| a == b).count(), n + g.len()));
        progress(format!("{} jackknifed training tags: {:.2}% right", elapsed(), ok as f64 * 100.0 / n as f64));
    }

    let first = train_tagger(&data, opts, &tags, opts.seed, None, |e, acc, t| {
        progress(format!(
            "{} tagger epoch {:>2}/{}: train {:.2}%, dev UPOS {:.2}%",
            elapsed(),
            e + 1,
            opts.tagger_epochs,
            acc * 100.0,
            tag_acc(t, &dev_data) * 100.0
        ))
    });
    // The second pass learns from first-pass tags of data the first pass did not see.
    let tagger = if folds > 1 && opts.second_pass {
        let second = train_tagger(&data, opts, &tags, opts.seed + 7, Some(&predicted), |e, acc, t| {
            let both = first.clone().with_second(t);
            progress(format!(
                "{} tagger second pass epoch {:>2}/{}: train {:.2}%, dev UPOS {:.2}%",
                elapsed(),
                e + 1,
                opts.tagger_epochs,
                acc * 100.0,
                tag_acc(&both, &dev_data) * 100.0
            ))
        });
        first.with_second(&second)
    } else {
        first
    };

    let lemmas = Lemmatizer::train(
        train.iter().flat_map(|s| s.words.iter()).map(|w| (w.form.as_str(), upos_index(&w.upos), w.lemma.as_str())),
    );

    // Relations by frequency, then name.
    let mut counts: std::collections::BTreeMap<&str, usize> = Default::default();
    for w in train.iter().flat_map(|s| &s.words) {
        *counts.entry(w.deprel.as_str()).or_default() += 1;
    }
    let mut labels: Vec<(&str, usize)> = counts.into_iter().collect();
    labels.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let labels: Vec<String> = labels.into_iter().take(120).map(|(l, _)| l.to_string()).collect();
    let label_of = |l: &str| labels.iter().position(|x| x == l).unwrap_or(0) as u8;

    let tag_names = tags.clone();
    let model_upos = |names: &[String], t: u8| names[t as usize].split(' ').next().unwrap_or("").to_string();
    let examples: Vec<ParserExample> = train
        .iter()
        .zip(&data)
        .zip(&predicted)
        .map(|((s, (feats, _)), tags)| {
            let mut head: Vec<usize> = s.words.iter().map(|w| w.head).collect();
            projectivize(&mut head);
            ParserExample {
                input: feats
                    .iter()
                    .zip(tags)
                    .zip(&s.words)
                    .map(|((w, t), gw)| {
                        let upos = model_upos(&tag_names, *t);
                        let lemma = lemmas.lemma(&model_form(&gw.form), upos_index(&upos));
                        ParserInput {
                            word: *w,
                            tag: *t,
                            punct: upos == "PUNCT",
                            lemma: super::perceptron::hash_str(&lemma),
                        }
                    })
                    .collect(),
                head,
                label: s.words.iter().map(|w| label_of(&w.deprel)).collect(),
            }
        })
        .collect();
    let mut pt = ParserTrainer::new(labels, opts.seed);
    let mut rng = Rng(opts.seed.wrapping_mul(31) | 1);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut model = Model { tagger, parser: pt.freeze(opts.min_weight), lemmas };
    for e in 0..opts.parser_epochs {
        rng.shuffle(&mut order);
        let acc = pt.epoch(&examples, &order, e > 0);
        model.parser = pt.freeze(opts.min_weight);
        let s = evaluate(&model, dev);
        progress(format!(
            "{} parser epoch {:>2}/{}: train moves {:.2}% right, dev UAS {:.2}% LAS {:.2}%",
            elapsed(),
            e + 1,
            opts.parser_epochs,
            acc * 100.0,
            s.uas * 100.0,
            s.las * 100.0
        ));
    }
    model
}
