//! `kg-corpus`: writes a synthetic live-blog corpus for benchmarks (see `kg::corpus`).
//!
//! ```text
//! kg-corpus --size 10MB --seed 1 --format liveblog > corpus.txt
//! ```

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use kg::corpus::{parse_size, CorpusFormat, CorpusOptions, CorpusWriter};
use kg::ontology::Ontology;

const USAGE: &str = "usage: kg-corpus [--size SIZE] [--seed N] [--format liveblog|jsonl]

Writes a deterministic synthetic news corpus to standard output.

  --size SIZE     bytes to write at least, e.g. 1MB, 100MB, 512k [default: 1MB]
  --seed N        the same seed gives the same corpus [default: 1]
  --format F      liveblog (date and time headers) or jsonl [default: liveblog]";

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
            eprintln!("kg-corpus: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<()> {
    let mut options = CorpusOptions { size: 1_000_000, seed: 1, format: CorpusFormat::Liveblog };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        if flag == "-h" || flag == "--help" {
            println!("{USAGE}");
            return Ok(());
        }
        let (name, inline) = match flag.split_once('=') {
            Some((n, v)) => (n.to_string(), Some(v.to_string())),
            None => (flag.clone(), None),
        };
        let Some(value) = inline.or_else(|| args.next()) else { bail!("{name} needs a value\n\n{USAGE}") };
        match name.as_str() {
            "--size" => options.size = parse_size(&value).map_err(anyhow::Error::msg)?,
            "--seed" => options.seed = value.parse().with_context(|| format!("invalid --seed '{value}'"))?,
            "--format" => options.format = value.parse().map_err(anyhow::Error::msg)?,
            _ => bail!("unknown option '{name}'\n\n{USAGE}"),
        }
    }
    let ontology = Ontology::bundled()?;
    let stdout = io::stdout();
    let mut out = io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let stats = CorpusWriter::new(&ontology).write(&options, &mut out)?;
    out.flush()?;
    eprintln!("kg-corpus: {} bytes, {} entries over {} days", stats.bytes, stats.entries, stats.days);
    Ok(())
}
