//! The `kg` binary: parses arguments, calls the library, prints results and errors.

mod cli;

/// mimalloc instead of the system allocator: ingest hands batches of entries, claims and
/// quads from thread to thread, and glibc's malloc spent a fifth of the ingest's CPU
/// time consolidating and freeing them (see BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{bail, Context, Result};
use clap::{CommandFactory, Parser};

use cli::{AnswerFormat, Cli, Command, ExportFormat, ParseFormat, QueryFormat, StatsFormat, WriteMode};
use kg::ask::{Answer, Want};
use kg::claim::ClaimExtractor;
use kg::claim::Relation;
use kg::entry::ReadOptions;
use kg::graph::ClaimGraph;
use kg::ontology::Ontology;
use kg::store::remote::is_url;
use kg::store::{DataGraph, DumpFormat, RemoteOptions, ResultFormat, Store};

/// mimalloc's `mi_option_purge_delay`: its index in the option enum of the bundled
/// mimalloc v3 (`c_src/mimalloc/v3/include/mimalloc.h`; libmimalloc-sys has no
/// constant for it).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// For ingest, mimalloc gives freed memory back to the system after 10 ms instead of
/// its default second: the short-lived bulk-loader threads otherwise left a 10 MB
/// ingest at 510 MB resident instead of 310 MB. 0 (at once) cost 5-10 % in time.
/// (Options read when mimalloc starts, such as eager arena commit, cannot be set here:
/// `MIMALLOC_ARENA_EAGER_COMMIT=0` in the environment spares `clusters` on a large store
/// some 0.1-0.5 s of page zeroing.)
fn return_freed_memory() {
    // SAFETY: a plain option setter of the allocator, read each time it purges; called
    // before kg starts a thread.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 10) }
}

/// Memory settings for the command about to run (see the two functions above).
fn tune_process(command: &Command) {
    if matches!(command, Command::Ingest(_)) {
        return_freed_memory();
    }
    if matches!(command, Command::Ingest(_) | Command::Clusters(_) | Command::Central(_) | Command::Path(_)) {
        no_huge_pages();
    }
}

/// Turns transparent huge pages off for this process. The commands that allocate a
/// lot at once (ingest; clusters, central and path, which hold every stance) had the
/// kernel zero 2 MB pages up front: `clusters` on a 100 MB store took 1.7-2.3 s (0.05-
/// 0.7 s of it system time), 1.8 s steadily without, and ingest peaked 40 MB lower.
/// The questions that read little (who-*) are faster with them: 180 vs 220 ms.
fn no_huge_pages() {
    #[cfg(target_os = "linux")]
    // SAFETY: prctl with PR_SET_THP_DISABLE takes plain integers and changes only how
    // the kernel backs this process's memory; a failure leaves things as they were.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if matches!(e.kind(), clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion) => {
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        Err(e) if e.kind() == clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = e.print();
            return ExitCode::from(2);
        }
        Err(e) => {
            // Usage errors: one line naming the culprit, exit code 2.
            let rendered = e.render().to_string();
            let message: Vec<&str> = rendered
                .lines()
                .take_while(|l| !l.starts_with("Usage:") && !l.starts_with("For more information"))
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect();
            eprintln!("kg: {} (see 'kg --help')", message.join(" ").trim_start_matches("error: "));
            return ExitCode::from(2);
        }
    };
    tune_process(&cli.command);
    match run(cli) {
        Ok(code) => code,
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("kg: {err:#}");
            ExitCode::from(1)
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| e.downcast_ref::<io::Error>().is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe))
        || format!("{err:#}").contains("Broken pipe")
}

/// Where the store lives when neither --store nor KG_STORE says.
fn default_store() -> PathBuf {
    if let Some(d) = std::env::var_os("XDG_DATA_HOME").filter(|d| !d.is_empty()) {
        return PathBuf::from(d).join("kg").join("store");
    }
    if let Some(h) = std::env::var_os("HOME").filter(|h| !h.is_empty()) {
        return PathBuf::from(h).join(".local").join("share").join("kg").join("store");
    }
    PathBuf::from("kg-store")
}

fn load_ontology(dir: Option<&Path>) -> Result<Ontology> {
    Ok(match dir {
        Some(d) => Ontology::from_dir(d).with_context(|| format!("cannot load ontology from {}", d.display()))?,
        None => Ontology::bundled()?,
    })
}

/// How to reach a remote store, from the flags (set once, before any store is opened).
static REMOTE: std::sync::OnceLock<RemoteOptions> = std::sync::OnceLock::new();

/// Opens the store at `location` (a directory, or a remote store's URL) for writing.
fn open_store(location: &Path) -> Result<Store, kg::store::StoreError> {
    match location.to_str().filter(|l| is_url(l)) {
        Some(url) => Store::open_remote(url, REMOTE.get_or_init(RemoteOptions::default), true),
        None => Store::open(location),
    }
}

/// Opens the store at `location` for reading only.
fn open_store_read_only(location: &Path) -> Result<Store, kg::store::StoreError> {
    match location.to_str().filter(|l| is_url(l)) {
        Some(url) => Store::open_remote(url, REMOTE.get_or_init(RemoteOptions::default), false),
        None => Store::open_read_only(location),
    }
}

/// The remote-store flags, checked against --store.
fn remote_options(cli: &Cli, store: &Path) -> Result<RemoteOptions> {
    let remote = store.to_str().is_some_and(is_url);
    let given = [
        ("--update-url", cli.update_url.is_some()),
        ("--graph-store-url", cli.graph_store_url.is_some()),
        ("--data-graph", cli.data_graph.is_some()),
    ];
    if let Some((flag, _)) = given.iter().find(|(_, g)| *g).filter(|_| !remote) {
        bail!("{flag} is for a remote store: give --store http://HOST/PATH");
    }
    Ok(RemoteOptions {
        update_url: cli.update_url.clone(),
        graph_store_url: cli.graph_store_url.clone(),
        data_graph: match cli.data_graph.as_deref() {
            None => DataGraph::default(),
            Some("default") => DataGraph::Default,
            Some(iri) => DataGraph::Named(iri.to_string()),
        },
    })
}

fn run(cli: Cli) -> Result<ExitCode> {
    let store_dir = cli.store.clone().unwrap_or_else(default_store);
    let _ = REMOTE.set(remote_options(&cli, &store_dir)?);
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    match cli.command {
        Command::Completions { shell } => {
            let shell = match shell {
                cli::Shell::Bash => clap_complete::Shell::Bash,
                cli::Shell::Zsh => clap_complete::Shell::Zsh,
                cli::Shell::Fish => clap_complete::Shell::Fish,
                cli::Shell::Elvish => clap_complete::Shell::Elvish,
                cli::Shell::PowerShell => clap_complete::Shell::PowerShell,
            };
            clap_complete::generate(shell, &mut Cli::command(), "kg", &mut out);
            out.flush()?;
        }
        Command::Man => {
            clap_mangen::Man::new(Cli::command()).render(&mut out)?;
            out.flush()?;
        }
        Command::Ingest(args) => {
            let ontology = load_ontology(cli.ontology.as_deref())?;
            // Check every input first: a missing or unreadable file stops the run
            // before the store is touched. Files are then read one at a time, a line
            // at a time, so memory does not grow with them.
            let mut inputs: Vec<(String, &Path, Option<Vec<u8>>)> = Vec::new();
            for f in &args.files {
                let name = f.display().to_string();
                if is_url(&name) {
                    inputs.push((name, f, None));
                } else if name == "-" {
                    let mut b = Vec::new();
                    io::stdin().read_to_end(&mut b).context("cannot read standard input")?;
                    inputs.push((name, f, Some(b)));
                } else {
                    if f.is_dir() {
                        bail!("cannot read {name}: is a directory");
                    }
                    std::fs::File::open(f).with_context(|| format!("cannot read {name}"))?;
                    inputs.push((name, f, None));
                }
            }
            // A store this run creates is removed again if no file makes it in, so a
            // failed first ingest leaves nothing behind.
            let created = !store_dir.exists() && !is_url(&store_dir.display().to_string());
            let store = open_store(&store_dir)?;
            store.load_ontology(&ontology.turtle)?;
            let mut extractor = ClaimExtractor::new(&ontology);
            extractor.learn(&store.actors()?);
            let options = ReadOptions { format: args.format, date: args.date, source: args.source.clone() };
            let (mut failed, mut commits) = (0, 0);
            let ingest = kg::ingest::IngestOptions {
                batch: args.batch,
                mode: match args.write_mode {
                    WriteMode::Bulk => kg::store::WriteMode::Bulk,
                    WriteMode::Transaction => kg::store::WriteMode::Transaction,
                },
            };
            let fetcher = kg::fetch::Fetcher::new(fetch_options(args.timeout)?);
            for (name, path, stdin) in inputs {
                if is_url(&name) {
                    // A URL is fetched (conditionally: an unchanged page costs one 304).
                    match kg::follow::ingest_url(&store, &mut extractor, &fetcher, &name, &options, ingest) {
                        Ok(kg::follow::Fetch::NotModified) if !args.quiet => writeln!(out, "{name}: not modified")?,
                        Ok(kg::follow::Fetch::NotModified) => {}
                        Ok(kg::follow::Fetch::Ingested(report)) => {
                            commits += report.commits;
                            for w in &report.warnings {
                                eprintln!("kg: warning: {name}: {w}");
                            }
                            if !args.quiet {
                                writeln!(out, "{name}: {}", describe_web(&report))?;
                            }
                        }
                        Err(e) => {
                            eprintln!("kg: {e}");
                            failed += 1;
                        }
                    }
                    continue;
                }
                // Files are read from disk a line at a time, in each pass. What cannot be
                // read twice (standard input, a pipe such as `<(curl …)`) is read whole.
                let whole = match stdin {
                    Some(bytes) => Some(bytes),
                    None if !path.is_file() => {
                        Some(std::fs::read(path).with_context(|| format!("cannot read {name}"))?)
                    }
                    None => None,
                };
                let size = match &whole {
                    Some(b) => b.len() as u64,
                    None => std::fs::metadata(path).map(|m| m.len()).unwrap_or(0),
                };
                let name = &name;
                // A progress bar only for people watching, and only when it lasts.
                let bar = (!args.quiet && io::stderr().is_terminal() && size > 1_000_000).then(|| progress_bar(name));
                let mut progress = |done: usize, total: usize| {
                    if let Some(bar) = &bar {
                        bar.set_length(total as u64);
                        bar.set_position(done as u64);
                    }
                };
                let result = match &whole {
                    Some(bytes) => {
                        kg::ingest::ingest_bytes(&store, &mut extractor, name, bytes, &options, ingest, &mut progress)
                    }
                    None => {
                        kg::ingest::ingest_file(&store, &mut extractor, path, name, &options, ingest, &mut progress)
                    }
                };
                if let Some(bar) = bar {
                    bar.finish_and_clear();
                }
                match result {
                    Ok(report) => {
                        commits += report.commits;
                        for w in &report.warnings {
                            eprintln!("kg: warning: {name}: {w}");
                        }
                        if !args.quiet {
                            writeln!(
                                out,
                                "{name}: {} entries, {} claims ({})",
                                report.entries, report.claims, report.format
                            )?;
                        }
                    }
                    Err(e) => {
                        eprintln!("kg: {e}");
                        failed += 1;
                    }
                }
            }
            // Several commits leave RocksDB overlapping files to merge; until it has,
            // every question reads them all (10x slower on a 100 MB corpus). Merging
            // them in one go here costs less than RocksDB merging after each commit.
            if commits > 1 && !args.no_optimize {
                if !args.quiet && io::stderr().is_terminal() {
                    eprintln!("kg: compacting the store (kg optimize)…");
                }
                // The ingest is committed: a store left uncompacted is slower, not wrong.
                if let Err(e) = store.optimize() {
                    eprintln!("kg: warning: the store was not compacted ({e}); run kg optimize");
                }
            } else {
                drop(store);
            }
            out.flush()?;
            if failed > 0 {
                if created && failed == args.files.len() {
                    let _ = std::fs::remove_dir_all(&store_dir);
                }
                return Ok(ExitCode::from(1));
            }
        }
        Command::Follow(args) => {
            out.flush()?;
            drop(out);
            let mut stdout = io::stdout();
            return follow(&store_dir, cli.ontology.as_deref(), &args, &mut stdout);
        }
        Command::Serve(args) => {
            out.flush()?;
            drop(out);
            return serve(&store_dir, &args);
        }
        Command::Optimize => {
            open_store(&store_dir)?.optimize()?;
        }
        Command::Stats { format } => {
            let store = open_store_read_only(&store_dir)?;
            let s = store.stats()?;
            match format {
                StatsFormat::Json => writeln!(out, "{}", serde_json::to_string_pretty(&s)?)?,
                StatsFormat::Table => {
                    let rows = [
                        ("documents", s.documents),
                        ("entries", s.entries),
                        ("actors", s.actors),
                        ("positions", s.positions),
                        ("claims", s.claims),
                        ("quads", s.quads),
                    ];
                    for (k, v) in rows {
                        writeln!(out, "{k:<10} {v}")?;
                    }
                    // A few are harmless (small ingests leave some, RocksDB merges them
                    // in time); many, left by `ingest --no-optimize` or an interrupted
                    // compaction, make questions several times slower.
                    let hint = if s.unmerged_files >= 8 { " (kg optimize merges them)" } else { "" };
                    writeln!(out, "{:<10} {} table files{hint}", "unmerged", s.unmerged_files)?;
                }
            }
        }
        Command::Query(args) => {
            let (name, text) = read_query(&args.query)?;
            let timeout = match args.timeout {
                Some(t) if !(t > 0.0 && t.is_finite()) => {
                    bail!("invalid --timeout '{t}': give a number of seconds above 0")
                }
                Some(t) => Some(Duration::from_secs_f64(t)),
                None => None,
            };
            if args.update {
                let store = open_store(&store_dir)?;
                store.update(&text).with_context(|| format!("in {name}"))?;
                writeln!(out, "update applied")?;
            } else {
                let store = open_store_read_only(&store_dir)?;
                let format = match args.format {
                    None | Some(QueryFormat::Table) => ResultFormat::Table,
                    Some(QueryFormat::Json) => ResultFormat::Json,
                    Some(QueryFormat::Csv) => ResultFormat::Csv,
                    Some(QueryFormat::Tsv) => ResultFormat::Tsv,
                    Some(QueryFormat::Xml) => ResultFormat::Xml,
                    Some(QueryFormat::Turtle) => ResultFormat::Turtle,
                    Some(QueryFormat::Ntriples) => ResultFormat::NTriples,
                };
                store
                    .query_to_writer(&text, format, &mut out, args.limit, timeout)
                    .with_context(|| format!("in {name}"))?;
            }
        }
        Command::WhoRejects(a) => who(&store_dir, Relation::Rejects, &a, &mut out)?,
        Command::WhoSupports(a) => who(&store_dir, Relation::Supports, &a, &mut out)?,
        Command::WhoProposes(a) => who(&store_dir, Relation::Proposes, &a, &mut out)?,
        Command::WhoDemands(a) => who(&store_dir, Relation::Demands, &a, &mut out)?,
        Command::Positions(a) => {
            let store = open_store_read_only(&store_dir)?;
            let actors = kg::ask::resolve(&store, Want::Actor, &a.actor)?;
            let answer = kg::ask::positions(&kg::ask::load_claims_about(&store, &actors)?, &actors);
            let empty = || format!("no claims about positions by {}", kg::ask::labels(&actors));
            write_answer(&answer, a.format, &mut out, empty)?;
        }
        Command::Meetings(a) => {
            let store = open_store_read_only(&store_dir)?;
            let actors = a.actor.as_deref().map(|x| kg::ask::resolve(&store, Want::Actor, x)).transpose()?;
            let claims = match actors.as_deref() {
                Some(a) => kg::ask::load_claims_about(&store, a)?,
                None => kg::ask::load_claims(&store)?,
            };
            let answer = kg::ask::meetings(&claims, actors.as_deref());
            let empty = || match &actors {
                Some(actors) => format!("no meetings of {}", kg::ask::labels(actors)),
                None => "no meetings in the store".into(),
            };
            write_answer(&answer, a.format, &mut out, empty)?;
        }
        Command::Contested(a) => {
            let store = open_store_read_only(&store_dir)?;
            let answer = kg::ask::contested(&kg::ask::load_claims(&store)?);
            write_answer(&answer, a.format, &mut out, || "no contested positions in the store".into())?;
        }
        Command::Timeline(a) => {
            let store = open_store_read_only(&store_dir)?;
            let found = kg::ask::resolve(&store, Want::Any, &a.name)?;
            let claims = kg::ask::load_claims_about(&store, &found)?;
            let answer = kg::ask::timeline(&claims, &kg::ask::load_edits(&store)?, &found);
            write_answer(&answer, a.format, &mut out, || format!("no claims about {}", kg::ask::labels(&found)))?;
        }
        Command::Path(a) => {
            let store = open_store_read_only(&store_dir)?;
            let from = kg::ask::resolve(&store, Want::Any, &a.from)?;
            let to = kg::ask::resolve(&store, Want::Any, &a.to)?;
            let (chain, answer) = match kg::graph::find_path(&store, &from, &to)? {
                kg::graph::PathFound::Linked { chain, answer } => (chain, answer),
                kg::graph::PathFound::NotLinked => {
                    bail!("no chain of claims links {} and {}", kg::ask::labels(&from), kg::ask::labels(&to))
                }
                kg::graph::PathFound::Changed => bail!("the store changed while reading it: ask again"),
            };
            if a.format == AnswerFormat::Table {
                writeln!(out, "{chain}")?;
                writeln!(out)?;
            }
            write_answer(&answer, a.format, &mut out, || "no hops: they are the same".into())?;
        }
        Command::Clusters(a) => {
            let store = open_store_read_only(&store_dir)?;
            let clusters = kg::graph::clusters(&kg::ask::load_stances(&store)?);
            if a.format == AnswerFormat::Json {
                writeln!(out, "{}", kg::graph::clusters_json(&clusters))?;
            } else {
                let answer = kg::graph::clusters_answer(&clusters);
                write_answer(&answer, a.format, &mut out, || {
                    "no clusters: no actors agree or disagree on anything".into()
                })?;
            }
        }
        Command::Central(a) => {
            let store = open_store_read_only(&store_dir)?;
            let claims = kg::ask::load_stances(&store)?;
            let answer = kg::graph::central_answer(&kg::graph::central(&ClaimGraph::build(&claims), a.limit));
            write_answer(&answer, a.format, &mut out, || "no actors in the store".into())?;
        }
        Command::Export(args) if args.format == ExportFormat::Dot => {
            let store = open_store_read_only(&store_dir)?;
            let claims = kg::ask::load_claims(&store)?;
            let graph = ClaimGraph::build(&claims);
            let only = match &args.focus {
                Some(f) => Some(graph.neighbourhood(&kg::ask::resolve(&store, Want::Any, f)?, args.depth)),
                None => None,
            };
            let mut dot = Vec::new();
            kg::export::DotWriter::new(&mut dot).write(&graph, only.as_deref())?;
            if let Some(render) = &args.render {
                let (format, file) = match render.as_slice() {
                    [f, file] if f == "svg" => (kg::export::RenderFormat::Svg, file),
                    [f, file] if f == "png" => (kg::export::RenderFormat::Png, file),
                    [f, _] => bail!("invalid --render format '{f}': use svg or png"),
                    _ => bail!("--render takes a format and a file, e.g. --render svg graph.svg"),
                };
                kg::export::render(&dot, format, Path::new(file))?;
            }
            match &args.output {
                Some(path) => std::fs::write(path, &dot).with_context(|| format!("cannot write {}", path.display()))?,
                None if args.render.is_none() => out.write_all(&dot)?,
                None => {}
            }
        }
        Command::Export(args) => {
            if args.focus.is_some() || args.render.is_some() {
                bail!("--focus and --render work with --format dot only");
            }
            let store = open_store_read_only(&store_dir)?;
            let format = match args.format {
                ExportFormat::Dot => unreachable!("--format dot is handled by the arm above"),
                ExportFormat::Turtle => DumpFormat::Turtle,
                ExportFormat::Ntriples => DumpFormat::NTriples,
                ExportFormat::Nquads => DumpFormat::NQuads,
                ExportFormat::Trig => DumpFormat::TriG,
            };
            match &args.output {
                Some(path) => {
                    let mut buf = Vec::new();
                    store.export(format, &mut buf)?;
                    std::fs::write(path, buf).with_context(|| format!("cannot write {}", path.display()))?;
                }
                None => {
                    store.export(format, &mut out)?;
                }
            }
        }
        Command::Extract(args) => {
            let ontology = load_ontology(cli.ontology.as_deref())?;
            let mut extractor = ClaimExtractor::new(&ontology);
            let inputs = read_texts(args.text.as_deref(), &args.files)?;
            let mut json = Vec::new();
            let mut rows = Vec::new();
            for (name, text) in &inputs {
                let format = if name == "text" { Some(kg::entry::Format::Article) } else { args.input_format };
                let options = ReadOptions { format, ..Default::default() };
                let parsed = kg::entry::read(name, text, &options).map_err(|e| anyhow::anyhow!("{e} in {name}"))?;
                for e in &parsed.entries {
                    let x = extractor.extract(e);
                    if args.mentions {
                        for m in &x.mentions {
                            rows.push(vec![
                                "mention".into(),
                                format!("{:?}", m.role).to_lowercase(),
                                m.entity.label.clone(),
                                e.text.get(m.span.start..m.span.end).unwrap_or("").to_string(),
                                String::new(),
                            ]);
                        }
                    }
                    for c in &x.claims {
                        let quote = c.evidence.of(&e.text).to_string();
                        let reported: Vec<&str> = c.reported_by.iter().map(|r| r.label.as_str()).collect();
                        rows.push(vec![
                            c.subject.label.clone(),
                            c.relation.name().into(),
                            c.object.label.clone(),
                            format!(
                                "{}{} {}",
                                c.modality.name(),
                                if c.hedged { ", hedged" } else { "" },
                                reported.join(", ")
                            ),
                            quote.clone(),
                        ]);
                        json.push(serde_json::json!({
                            "subject": c.subject.label, "relation": c.relation.name(), "object": c.object.label,
                            "cue": c.cue, "modality": c.modality.name(), "hedged": c.hedged,
                            "confidence": c.confidence, "reported_by": reported, "quote": quote,
                            "time": e.time.map(|t| t.to_rfc3339()),
                        }));
                    }
                }
            }
            match args.format {
                StatsFormat::Json => writeln!(out, "{}", serde_json::to_string_pretty(&json)?)?,
                StatsFormat::Table => {
                    kg::table::write_table(&["subject", "relation", "object", "how", "quote"], &rows, &mut out)?
                }
            }
        }
        Command::Parse(args) => {
            let inputs = read_texts(args.text.as_deref(), &args.files)?;
            let model = kg::syntax::Model::bundled();
            let relations = model.relations();
            let mut json = Vec::new();
            let mut sent_id = 0;
            for (_, text) in &inputs {
                // Each line is a paragraph; spans are byte offsets into the whole input.
                let mut offset = 0;
                for line in text.split_inclusive('\n') {
                    for s in kg::text::sentences(line) {
                        let mut p = model.parse(line, &s);
                        sent_id += 1;
                        match args.format {
                            ParseFormat::Conllu => {
                                // Spans are reported in the whole input, not the line.
                                for w in &mut p.words {
                                    w.start += offset;
                                    w.end += offset;
                                }
                                let mut buf = String::new();
                                kg::syntax::conllu::write_sentence(&mut buf, sent_id, text, &p, model);
                                out.write_all(buf.as_bytes())?;
                            }
                            ParseFormat::Json => {
                                let words: Vec<_> = p
                                    .words
                                    .iter()
                                    .enumerate()
                                    .map(|(i, w)| {
                                        serde_json::json!({
                                            "id": i + 1, "form": &line[w.start..w.end], "lemma": &w.lemma,
                                            "upos": w.upos_name(), "xpos": model.tagger.xpos(w.tag), "head": w.head,
                                            "deprel": relations.get(w.deprel as usize).map_or("dep", String::as_str),
                                            "start": w.start + offset, "end": w.end + offset,
                                        })
                                    })
                                    .collect();
                                json.push(serde_json::json!({"text": &line[s.start..s.end], "words": words}));
                            }
                        }
                    }
                    offset += line.len();
                }
            }
            if args.format == ParseFormat::Json {
                writeln!(out, "{}", serde_json::to_string_pretty(&json)?)?;
            }
        }
        Command::Eval(args) => {
            let name = args.gold.display().to_string();
            let text = std::fs::read_to_string(&args.gold).with_context(|| format!("cannot read {name}"))?;
            let gold = kg::eval::read_gold(&text).map_err(|e| anyhow::anyhow!("invalid gold file {name}: {e}"))?;
            let store = open_store_read_only(&store_dir)?;
            let rows = store.select(kg::store::queries::CLAIMS, &[])?;
            let system: Vec<kg::eval::SystemClaim> = rows
                .rows
                .iter()
                .filter_map(|r| {
                    Some((
                        rows.get(r, "subjectLabel")?.to_string(),
                        kg::eval::local_name(rows.get(r, "relation")?),
                        rows.get(r, "objectLabel")?.to_string(),
                    ))
                })
                .collect();
            let s = kg::eval::score(&gold, &system);
            if args.show {
                for g in &s.missed {
                    if let Some(f) = g.forms.first() {
                        writeln!(
                            out,
                            "MISS {} [{}] {} {} {}  -- {}",
                            g.id,
                            g.entry,
                            f.s.first().map(String::as_str).unwrap_or(""),
                            f.r,
                            f.o.first().map(String::as_str).unwrap_or(""),
                            g.note
                        )?;
                    }
                }
                for (sl, r, o) in &s.false_positives {
                    writeln!(out, "FP   {sl} | {r} | {o}")?;
                }
            }
            if args.json {
                let mut v = serde_json::to_value(&s)?;
                if let Some(m) = v.as_object_mut() {
                    m.remove("missed");
                    m.remove("false_positives");
                }
                writeln!(out, "{v}")?;
            } else {
                writeln!(
                    out,
                    "P={:.3} R={:.3} F1={:.3} (system {}, matched {}; required {}, found {})",
                    s.precision, s.recall, s.f1, s.system, s.system_matched, s.required, s.found
                )?;
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Fetch options for `--timeout SECONDS`.
fn fetch_options(timeout: f64) -> Result<kg::fetch::FetchOptions> {
    if !(timeout > 0.0 && timeout.is_finite()) {
        bail!("invalid --timeout '{timeout}': give a number of seconds above 0");
    }
    Ok(kg::fetch::FetchOptions { timeout: Duration::from_secs_f64(timeout), ..Default::default() })
}

/// "3 entries (2 new, 1 updated), 5 claims (html)": what ingesting a page did.
fn describe_web(r: &kg::ingest::IngestReport) -> String {
    let mut news = vec![format!("{} new", r.new_entries)];
    if r.replaced > 0 {
        news.push(format!("{} updated", r.replaced));
    }
    format!("{} entries ({}), {} claims ({})", r.entries, news.join(", "), r.claims, r.format)
}

/// Runs `kg follow`.
fn follow(store_dir: &Path, ontology: Option<&Path>, args: &cli::FollowArgs, out: &mut dyn Write) -> Result<ExitCode> {
    let mut urls: Vec<String> = args.urls.clone();
    if let Some(file) = &args.sources {
        let name = file.display().to_string();
        let text = std::fs::read_to_string(file).with_context(|| format!("cannot read {name}"))?;
        urls.extend(kg::follow::read_sources(&text));
    }
    if urls.is_empty() {
        bail!("nothing to follow: give URLs or --sources FILE");
    }
    if let Some(bad) = urls.iter().find(|u| !is_url(u)) {
        bail!("cannot follow '{bad}': not an http or https URL");
    }
    let every = kg::follow::parse_interval(&args.every)
        .with_context(|| format!("invalid --every '{}': give a duration such as 30s, 2m or 1h", args.every))?;
    let ontology = load_ontology(ontology)?;
    let store = open_store(store_dir)?;
    store.load_ontology(&ontology.turtle)?;
    let options = ReadOptions { format: args.format, date: None, source: args.source.clone() };
    let fetcher = kg::fetch::Fetcher::new(fetch_options(args.timeout)?);
    let mut follower = kg::follow::Follower::new(&store, &ontology, fetcher, &urls, every, options);
    let mut failed = 0;
    let mut report = |poll: &kg::follow::Poll| {
        let now = chrono::Utc::now().format("%H:%M:%SZ");
        let line = match &poll.outcome {
            Ok(kg::follow::Fetch::NotModified) => "not modified".to_string(),
            Ok(kg::follow::Fetch::Ingested(r)) if r.new_entries == 0 && r.replaced == 0 => {
                format!("nothing new ({} entries)", r.entries)
            }
            Ok(kg::follow::Fetch::Ingested(r)) => describe_web(r),
            Err(e) => {
                failed += 1;
                // The line names the URL already.
                let e = e.to_string();
                let e = e.strip_prefix(&format!("{}: ", poll.url)).unwrap_or(&e);
                let e = e.strip_suffix(&format!(" in {}", poll.url)).unwrap_or(e);
                let retry = match poll.retry_in {
                    Some(d) if !args.once => format!("; next try in {:.0} s", d.as_secs_f64()),
                    _ => String::new(),
                };
                format!("error: {e}{retry}")
            }
        };
        // A closed standard output ends nothing: the store is what matters.
        let _ = writeln!(out, "{now} {}: {line}", poll.url).and_then(|_| out.flush());
    };
    if args.once {
        follower.poll_all(&mut report);
        return Ok(if failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS });
    }
    // Ctrl-C stops the loop between polls, so that the ingest under way commits first;
    // a second Ctrl-C ends kg at once (commits are atomic: the store keeps whole entries).
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let flag = stop.clone();
    ctrlc::set_handler(move || {
        if flag.swap(true, std::sync::atomic::Ordering::SeqCst) {
            std::process::exit(130);
        }
        eprintln!("kg: stopping after the current poll (Ctrl-C again to stop now)");
    })
    .context("cannot catch Ctrl-C")?;
    follower.run(&stop, &mut report);
    Ok(ExitCode::SUCCESS)
}

/// Shortest update token accepted: a guessable token would open the store to anyone.
const MIN_TOKEN_CHARS: usize = 16;

/// Runs `kg serve` until the process is stopped.
fn serve(store_dir: &Path, args: &cli::ServeArgs) -> Result<ExitCode> {
    if !(args.timeout > 0.0 && args.timeout.is_finite()) {
        bail!("invalid --timeout '{}': give a number of seconds above 0", args.timeout);
    }
    let update_token = if args.allow_update {
        let token = match &args.token_file {
            Some(file) => std::fs::read_to_string(file)
                .with_context(|| format!("cannot read the token file {}", file.display()))?
                .lines()
                .next()
                .unwrap_or("")
                .trim()
                .to_string(),
            None => std::env::var("KG_TOKEN").unwrap_or_default().trim().to_string(),
        };
        if token.chars().count() < MIN_TOKEN_CHARS {
            bail!("--allow-update needs a token of at least {MIN_TOKEN_CHARS} characters, from --token-file FILE or KG_TOKEN");
        }
        Some(token)
    } else {
        None
    };
    let store = if args.allow_update {
        Store::open(store_dir)?
    } else if store_dir.join("CURRENT").exists() {
        Store::open_read_only(store_dir)?
    } else {
        bail!("no store at {}: ingest something first (kg ingest FILE)", store_dir.display());
    };
    let options = kg::serve::ServeOptions {
        timeout: Duration::from_secs_f64(args.timeout),
        max_request_bytes: args.max_request_bytes,
        max_result_bytes: args.max_result_bytes,
        update_token,
        threads: args.threads.max(1),
        // A read-only store is opened again when another process writes to it.
        reopen: (!args.allow_update).then(|| store_dir.to_path_buf()),
        ..Default::default()
    };
    let server = kg::serve::Server::bind(&args.bind, store, options)?;
    let addr = server.local_addr().context("cannot read the address bound")?;
    if !kg::serve::is_loopback(&addr) {
        eprintln!(
            "kg: warning: listening on {addr}, not only this machine: anyone who can reach it can read the store{}",
            if args.allow_update { " (and, with the token, change it)" } else { "" }
        );
    }
    let mut stdout = io::stdout();
    writeln!(stdout, "serving {} on http://{addr}/ (SPARQL at /sparql; Ctrl-C stops)", store_dir.display())?;
    stdout.flush()?;
    server.run()?;
    Ok(ExitCode::SUCCESS)
}

/// `--text` (named "text") and the files ('-' for standard input), decoded, with their names.
fn read_texts(text: Option<&str>, files: &[PathBuf]) -> Result<Vec<(String, String)>> {
    let mut inputs: Vec<(String, String)> = Vec::new();
    if let Some(t) = text {
        inputs.push(("text".into(), t.to_string()));
    }
    for f in files {
        let name = f.display().to_string();
        let bytes = if name == "-" {
            let mut b = Vec::new();
            io::stdin().read_to_end(&mut b).context("cannot read standard input")?;
            b
        } else {
            std::fs::read(f).with_context(|| format!("cannot read {name}"))?
        };
        // A page is decoded in its own charset (Windows-1252 pages are not UTF-8).
        if kg::entry::web::sniff(&bytes, None, None) == Some(kg::entry::Format::Html) {
            inputs.push((name, kg::entry::html::decode(&bytes, None).into_owned()));
            continue;
        }
        let text = kg::entry::decode(&bytes).map_err(|e| anyhow::anyhow!("{e} in {name}"))?;
        inputs.push((name, text.to_string()));
    }
    Ok(inputs)
}

/// A progress bar on standard error counting the entries of `name` as they are stored.
fn progress_bar(name: &str) -> indicatif::ProgressBar {
    let bar = indicatif::ProgressBar::new(0);
    let style = indicatif::ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len} entries, {per_sec}, eta {eta}")
        .expect("the template is valid")
        .progress_chars("=> ");
    bar.set_style(style);
    bar.set_message(name.to_string());
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}

/// Answers `kg who-<relation> POSITION`.
fn who(store_dir: &Path, relation: Relation, args: &cli::PositionArgs, out: &mut dyn Write) -> Result<()> {
    let store = open_store_read_only(store_dir)?;
    let targets = kg::ask::resolve(&store, Want::Position, &args.position)?;
    let answer = kg::ask::who_answer(&store, relation, &targets, args.claims)?;
    write_answer(&answer, args.format, out, || {
        format!("no claims that anyone {relation} {}", kg::ask::labels(&targets))
    })
}

/// Writes an answer; an empty table is replaced by a note on standard error (JSON and
/// CSV stay well-formed: `[]`, a header line).
fn write_answer(
    answer: &Answer,
    format: AnswerFormat,
    out: &mut dyn Write,
    empty: impl FnOnce() -> String,
) -> Result<()> {
    let format = match format {
        AnswerFormat::Table => kg::ask::AnswerFormat::Table,
        AnswerFormat::Json => kg::ask::AnswerFormat::Json,
        AnswerFormat::Csv => kg::ask::AnswerFormat::Csv,
    };
    if answer.is_empty() && format == kg::ask::AnswerFormat::Table {
        eprintln!("kg: {}", empty());
        return Ok(());
    }
    answer.write(format, out)?;
    Ok(())
}

/// The query text and a name for errors: a file's path, "standard input" or "query".
fn read_query(arg: &str) -> Result<(String, String)> {
    if arg == "-" {
        let mut s = String::new();
        io::stdin().read_to_string(&mut s).context("cannot read standard input")?;
        return Ok(("standard input".into(), s));
    }
    let path = Path::new(arg);
    if path.is_file() {
        let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {arg}"))?;
        return Ok((arg.to_string(), text));
    }
    let looks_like_file =
        !arg.contains(char::is_whitespace) && (arg.ends_with(".rq") || arg.ends_with(".sparql") || arg.contains('/'));
    if looks_like_file {
        bail!("cannot read {arg}: no such file");
    }
    Ok(("query".into(), arg.to_string()))
}
