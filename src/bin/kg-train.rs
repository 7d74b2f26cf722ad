//! `kg-train`: trains kg's tagger, parser and lemmatizer on UD English-EWT, and scores
//! a model on a CoNLL-U file (see `kg::syntax::train`).
//!
//! ```text
//! kg-train --treebank ../shared/ud/en_ewt --out models/en_ewt.kgsyn
//! kg-train eval ../shared/ud/en_ewt/en_ewt-ud-test.conllu
//! ```

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use kg::syntax::train::{evaluate, train, TrainOptions};
use kg::syntax::{conllu, Model};

const USAGE: &str = "usage: kg-train [OPTIONS]
       kg-train eval [--model FILE] [--prune W] [--write OUT.conllu] CONLLU...

Trains the syntax model (tagger, parser, lemmatizer) on a UD treebank and writes it;
prints the dev-set accuracy after every epoch. The same treebank and options give
the same model bytes. `eval` prints UPOS, UAS and LAS of a model on CoNLL-U files
(the bundled model unless --model is given); --write saves the predictions as CoNLL-U
for other scorers and for error analysis.

  --treebank DIR       folder with en_ewt-ud-{train,dev}.conllu [default: ../shared/ud/en_ewt]
  --out FILE           where to write the model [default: models/en_ewt.kgsyn]
  --seed N             shuffling seed [default: 1]
  --tagger-epochs N    [default: 8]
  --parser-epochs N    [default: 12]
  --folds N            jackknife folds for the parser's training tags (1: gold tags) [default: 4]
  --min-weight W       drop averaged weights smaller than W [default: 1]
  --second-pass        tag twice, the second pass seeing the first's tags ahead
  --with-dev           also train on the dev set (for the bundled model, once settings are
                       chosen on dev; its dev figures are then on seen data)";

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e)
            if e.chain()
                .any(|c| c.downcast_ref::<io::Error>().is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)) =>
        {
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("kg-train: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn read_treebank(path: &PathBuf) -> Result<Vec<conllu::GoldSentence>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    conllu::read(&text).map_err(anyhow::Error::msg).with_context(|| format!("in {}", path.display()))
}

fn run() -> Result<()> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "-h" || a == "--help") {
        writeln!(io::stdout(), "{USAGE}")?;
        return Ok(());
    }
    if args.first().is_some_and(|a| a == "eval") {
        args.remove(0);
        return eval(args);
    }
    let mut opts = TrainOptions::default();
    let mut treebank = PathBuf::from("../shared/ud/en_ewt");
    let mut out = PathBuf::from("models/en_ewt.kgsyn");
    let mut with_dev = false;
    let mut args = args.into_iter();
    while let Some(flag) = args.next() {
        if flag == "--second-pass" {
            opts.second_pass = true;
            continue;
        }
        if flag == "--with-dev" {
            with_dev = true;
            continue;
        }
        let (name, inline) = match flag.split_once('=') {
            Some((n, v)) => (n.to_string(), Some(v.to_string())),
            None => (flag.clone(), None),
        };
        let Some(value) = inline.or_else(|| args.next()) else { bail!("{name} needs a value\n\n{USAGE}") };
        let number = |v: &str| v.parse::<usize>().with_context(|| format!("invalid {name} '{v}'"));
        match name.as_str() {
            "--treebank" => treebank = value.into(),
            "--out" => out = value.into(),
            "--seed" => opts.seed = number(&value)? as u64,
            "--tagger-epochs" => opts.tagger_epochs = number(&value)?,
            "--parser-epochs" => opts.parser_epochs = number(&value)?,
            "--folds" => opts.folds = number(&value)?,
            "--min-weight" => {
                opts.min_weight = value.parse().with_context(|| format!("invalid --min-weight '{value}'"))?
            }
            _ => bail!("unknown option '{name}'\n\n{USAGE}"),
        }
    }
    let mut train_set = read_treebank(&treebank.join("en_ewt-ud-train.conllu"))?;
    let dev_set = read_treebank(&treebank.join("en_ewt-ud-dev.conllu"))?;
    if with_dev {
        // The bundled model learns from dev too, once its settings were chosen on dev;
        // its dev figures are then not a measurement (test stays unseen).
        eprintln!("kg-train: training on train and dev: dev figures below are on seen data");
        train_set.extend(dev_set.iter().cloned());
    }
    eprintln!("kg-train: {} training and {} dev sentences; {opts:?}", train_set.len(), dev_set.len());
    let started = Instant::now();
    let model = train(&train_set, &dev_set, &opts, &mut |line| eprintln!("kg-train: {line}"));
    let bytes = model.to_bytes();
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    std::fs::write(&out, &bytes).with_context(|| format!("cannot write {}", out.display()))?;
    eprintln!(
        "kg-train: wrote {} ({:.1} MB) in {:.0} s; dev: {}",
        out.display(),
        bytes.len() as f64 / 1e6,
        started.elapsed().as_secs_f64(),
        evaluate(&model, &dev_set)
    );
    Ok(())
}

fn eval(args: Vec<String>) -> Result<()> {
    let mut model_path = None;
    let mut write = None;
    let mut prune = None;
    let mut files = Vec::new();
    let mut args = args.into_iter();
    while let Some(a) = args.next() {
        if a == "--model" {
            model_path = Some(args.next().context("--model needs a value")?);
        } else if a == "--prune" {
            let v = args.next().context("--prune needs a value")?;
            prune = Some(v.parse::<f32>().with_context(|| format!("invalid --prune '{v}'"))?);
        } else if a == "--write" {
            write = Some(PathBuf::from(args.next().context("--write needs a value")?));
        } else {
            files.push(PathBuf::from(a));
        }
    }
    if files.is_empty() {
        bail!("eval needs a CoNLL-U file\n\n{USAGE}");
    }
    let owned;
    let model = match model_path {
        Some(p) => {
            let bytes = std::fs::read(&p).with_context(|| format!("cannot read {p}"))?;
            owned = Model::from_bytes(&bytes).with_context(|| format!("in {p}"))?;
            &owned
        }
        None => Model::bundled(),
    };
    let pruned;
    let model = match prune {
        Some(min) => {
            pruned = model.pruned(min);
            &pruned
        }
        None => model,
    };
    eprintln!(
        "kg-train: model: {} tagger and {} parser weights, {:.1} MB",
        model.tagger.len(),
        model.parser.len(),
        model.to_bytes().len() as f64 / 1e6
    );
    eprintln!("kg-train: tagger {}\nkg-train: parser {}", model.tagger.describe(), model.parser.describe());
    for f in files {
        let gold = read_treebank(&f)?;
        let started = Instant::now();
        let s = evaluate(model, &gold);
        let secs = started.elapsed().as_secs_f64();
        // (Written, not printed: a closed pipe ends the command quietly, no panic.)
        writeln!(io::stdout(), "{}: {s}; {:.0} words/s", f.display(), s.words as f64 / secs.max(1e-9))?;
        // Speed of the two models alone, on forms already hashed.
        let feats: Vec<Vec<_>> = gold
            .iter()
            .map(|g| g.words.iter().map(|w| kg::syntax::tagger::WordFeatures::of(&w.form)).collect())
            .collect();
        let t0 = Instant::now();
        let tags: Vec<Vec<u8>> = feats.iter().map(|f| model.tagger.tag(f)).collect();
        let tag_secs = t0.elapsed().as_secs_f64();
        let inputs: Vec<Vec<kg::syntax::parser::ParserInput>> = feats
            .iter()
            .zip(&tags)
            .map(|(f, t)| {
                f.iter()
                    .zip(t)
                    .map(|(w, t)| kg::syntax::parser::ParserInput { word: *w, tag: *t, punct: false, lemma: w.lower })
                    .collect()
            })
            .collect();
        let t0 = Instant::now();
        let heads: usize = inputs.iter().map(|i| model.parser.parse(i).head.len()).sum();
        let parse_secs = t0.elapsed().as_secs_f64();
        writeln!(
            io::stdout(),
            "  tagger {:.0} words/s, parser {:.0} words/s, both {:.0} words/s",
            s.words as f64 / tag_secs,
            heads as f64 / parse_secs,
            s.words as f64 / (tag_secs + parse_secs)
        )?;
        if let Some(out) = &write {
            let mut text = String::new();
            for g in &gold {
                let forms: Vec<&str> = g.words.iter().map(|w| w.form.as_str()).collect();
                let a = model.analyze_forms(&forms);
                text.push_str(&format!("# text = {}\n", g.text));
                for (i, w) in g.words.iter().enumerate() {
                    text.push_str(&format!(
                        "{}\t{}\t{}\t{}\t{}\t_\t{}\t{}\t_\t_\n",
                        i + 1,
                        w.form,
                        a.lemmas[i],
                        kg::syntax::tagger::UPOS[a.upos[i] as usize],
                        model.tagger.xpos(a.tags[i]),
                        a.head[i],
                        model.relations()[a.label[i] as usize]
                    ));
                }
                text.push('\n');
            }
            std::fs::write(out, text).with_context(|| format!("cannot write {}", out.display()))?;
        }
    }
    Ok(())
}
