//! Averaged perceptron over hashed features: the learner behind the tagger and the
//! parser.
//!
//! Training keeps, for each feature hash, a short list of the classes it has weights
//! for, with the running totals the averaging needs ([`Trainer`]). Freezing averages the
//! weights, drops those too small to matter, quantizes the rest to `i16` and lays them
//! out in an open-addressing table ([`Weights`]) that scores a feature set with one probe
//! per feature and loads from bytes with a few copies. Nothing here knows what a
//! feature or a class means.

use rustc_hash::FxHashMap;

/// One class weight during training, with what averaging needs.
#[derive(Clone, Copy)]
struct Slot {
    class: u16,
    w: f32,
    total: f64,
    stamp: u32,
}

/// Weights being learnt.
pub struct Trainer {
    classes: usize,
    weights: FxHashMap<u64, Vec<Slot>>,
    /// Number of examples seen (the averaging clock).
    now: u32,
}

impl Trainer {
    /// A learner for `classes` classes.
    pub fn new(classes: usize) -> Self {
        Trainer { classes, weights: FxHashMap::default(), now: 0 }
    }

    /// Adds the current (not averaged) weights of `features` to `scores`.
    pub fn score(&self, features: &[u64], scores: &mut [f32]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        for f in features {
            if let Some(slots) = self.weights.get(f) {
                for s in slots {
                    scores[s.class as usize] += s.w;
                }
            }
        }
    }

    /// Counts one example; call once per prediction, whether or not it updates.
    pub fn tick(&mut self) {
        self.now += 1;
    }

    /// Moves weight from the predicted class to the right one on these features.
    pub fn update(&mut self, features: &[u64], truth: usize, guess: usize) {
        if truth == guess {
            return;
        }
        let now = self.now;
        for f in features {
            let slots = self.weights.entry(*f).or_default();
            for (class, delta) in [(truth, 1.0f32), (guess, -1.0)] {
                let slot = match slots.iter_mut().position(|s| s.class as usize == class) {
                    Some(i) => &mut slots[i],
                    None => {
                        slots.push(Slot { class: class as u16, w: 0.0, total: 0.0, stamp: now });
                        slots.last_mut().expect("just pushed")
                    }
                };
                slot.total += f64::from(now - slot.stamp) * f64::from(slot.w);
                slot.stamp = now;
                slot.w += delta;
            }
        }
    }

    /// The averaged weights, small ones dropped, as a frozen table.
    pub fn freeze(&self, min_weight: f32) -> Weights {
        let now = f64::from(self.now.max(1));
        let mut rows: Vec<(u64, Vec<(u16, f32)>)> = Vec::with_capacity(self.weights.len());
        let mut max = 0f32;
        for (f, slots) in &self.weights {
            let mut row: Vec<(u16, f32)> = slots
                .iter()
                .map(|s| {
                    let total = s.total + (now - f64::from(s.stamp)) * f64::from(s.w);
                    (s.class, (total / now) as f32)
                })
                .filter(|(_, w)| w.abs() >= min_weight)
                .collect();
            if row.is_empty() {
                continue;
            }
            row.sort_by_key(|r| r.0);
            max = row.iter().fold(max, |m, r| m.max(r.1.abs()));
            rows.push((*f, row));
        }
        rows.sort_by_key(|r| r.0);
        Weights::build(self.classes, max, &rows)
    }
}

/// Frozen, averaged, quantized weights.
#[derive(Debug, Clone, PartialEq)]
pub struct Weights {
    classes: usize,
    /// Multiplier from quantized to real weights.
    scale: f32,
    /// Open addressing, one u64 a slot: the upper half of the feature hash (never 0)
    /// above the start (24 bits) and length (8 bits) of its entries; 0 when empty.
    slots: Vec<u64>,
    /// Per entry: class (upper 16 bits) and quantized weight (lower 16).
    entries: Vec<u32>,
    /// Rows of features with weights for many classes, one weight a class: a slot
    /// whose length is 0 points to row `start` here. Summed with vector adds.
    dense: Vec<i16>,
}

fn key_of(f: u64) -> u64 {
    (f >> 32).max(1)
}

/// Tables of at most this many classes keep their weights in the slots: the upper 16
/// bits of the feature hash (never 0), then one 16-bit weight a class.
const INLINE: usize = 3;

fn inline_key(f: u64) -> u64 {
    (f >> 48).max(1)
}

/// Entries a table can hold (24-bit starts).
const MAX_ENTRIES: usize = 1 << 24;

/// Puts `slot` (its key in the bits from `shift` up) into the open-addressing table
/// at the home of feature `f` or after it, keeping every run of slots in decreasing
/// key order (an ordered hash table, Amble and Knuth 1974): a probe then stops at the
/// first smaller key, so a feature the table lacks costs as few probes as one it has.
fn insert_ordered(slots: &mut [u64], f: u64, slot: u64, shift: u32) {
    let mask = slots.len() - 1;
    let mut i = (f as usize) & mask;
    let mut cur = slot;
    while slots[i] != 0 {
        if slots[i] >> shift < cur >> shift {
            std::mem::swap(&mut slots[i], &mut cur);
        }
        i = (i + 1) & mask;
    }
    slots[i] = cur;
}

impl Weights {
    fn build(classes: usize, max: f32, rows: &[(u64, Vec<(u16, f32)>)]) -> Weights {
        // A load of at most 0.8: probes stay short, mostly in one cache line.
        let size = (rows.len() * 5 / 4).next_power_of_two().max(16);
        let scale = if max > 0.0 { max / f32::from(i16::MAX) } else { 1.0 };
        let mut w = Weights { classes, scale, slots: vec![0; size], entries: Vec::new(), dense: Vec::new() };
        let quantize = |v: f32| (v / scale).round().clamp(-32767.0, 32767.0) as i16;
        if classes <= INLINE {
            // Up to three classes: the weights live in the slot itself.
            for (f, row) in rows {
                let mut slot = inline_key(*f) << 48;
                for (c, v) in row {
                    slot |= u64::from(quantize(*v) as u16) << (16 * (2 - *c as u64));
                }
                insert_ordered(&mut w.slots, *f, slot, 48);
            }
            return w;
        }
        for (f, row) in rows {
            let dense = row.len() * 4 > classes || row.len() > 255;
            if dense {
                let at = w.dense.len() / classes;
                if at >= MAX_ENTRIES {
                    break;
                }
                w.dense.resize(w.dense.len() + classes, 0);
                for (c, v) in row {
                    w.dense[at * classes + *c as usize] = quantize(*v);
                }
                insert_ordered(&mut w.slots, *f, key_of(*f) << 32 | (at as u64) << 8, 32);
            } else {
                if w.entries.len() + row.len() > MAX_ENTRIES {
                    break;
                }
                insert_ordered(
                    &mut w.slots,
                    *f,
                    key_of(*f) << 32 | (w.entries.len() as u64) << 8 | row.len() as u64,
                    32,
                );
                for (c, v) in row {
                    w.entries.push(u32::from(*c) << 16 | u32::from(quantize(*v) as u16));
                }
            }
        }
        w
    }

    /// The same table without weights smaller than `min`: to see what a higher
    /// `min_weight` would cost before retraining. Slots stay where they are (their
    /// home index is not stored), so only the entries shrink.
    pub fn pruned(&self, min: f32) -> Weights {
        let mut out = Weights {
            classes: self.classes,
            scale: self.scale,
            slots: vec![0; self.slots.len()],
            entries: Vec::new(),
            dense: self.dense.clone(),
        };
        for v in &mut out.dense {
            if (f32::from(*v) * self.scale).abs() < min {
                *v = 0;
            }
        }
        if self.classes <= INLINE {
            for (o, s) in out.slots.iter_mut().zip(&self.slots) {
                let mut slot = *s & !0xFFFF_FFFF_FFFF;
                for c in 0..3 {
                    let v = (*s >> (16 * (2 - c))) as u16;
                    if (f32::from(v as i16) * self.scale).abs() >= min {
                        slot |= u64::from(v) << (16 * (2 - c));
                    }
                }
                *o = slot;
            }
            return out;
        }
        for (i, s) in self.slots.iter().enumerate() {
            if *s == 0 {
                continue;
            }
            let (start, len) = ((s >> 8 & 0xFF_FFFF) as usize, (s & 0xFF) as usize);
            if len == 0 {
                out.slots[i] = *s;
                continue;
            }
            let from = out.entries.len();
            for e in &self.entries[start..start + len] {
                if (f32::from(*e as u16 as i16) * self.scale).abs() >= min {
                    out.entries.push(*e);
                }
            }
            if out.entries.len() == from {
                // A length of 0 marks a dense row: keep one zero weight instead (the
                // slot itself must stay, or the probes past it would stop early).
                out.entries.push(0);
            }
            out.slots[i] = (s >> 32) << 32 | (from as u64) << 8 | (out.entries.len() - from) as u64;
        }
        out
    }

    /// Features, slots, sparse entries and dense rows, for reports.
    pub fn describe(&self) -> String {
        let features = self.slots.iter().filter(|s| **s != 0).count();
        if self.classes <= INLINE {
            return format!("{features} features in {} slots, weights inline", self.slots.len());
        }
        format!(
            "{features} features in {} slots, {} sparse weights, {} dense rows of {}",
            self.slots.len(),
            self.entries.len(),
            self.dense.len() / self.classes.max(1),
            self.classes
        )
    }

    /// Number of classes.
    pub fn classes(&self) -> usize {
        self.classes
    }

    /// Number of stored (feature, class) weights.
    pub fn len(&self) -> usize {
        if self.classes <= INLINE {
            return self.slots.iter().filter(|s| **s != 0).count() * self.classes;
        }
        self.entries.len() + self.dense.len()
    }

    /// Whether no weight is stored.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Sums the weights of `features` into `scores`.
    #[inline]
    pub fn score(&self, features: &[u64], scores: &mut [f32]) {
        let mask = self.slots.len() - 1;
        if self.classes <= INLINE {
            for &f in features {
                prefetch(&self.slots[(f as usize) & mask]);
            }
            let (mut a0, mut a1, mut a2) = (0i32, 0i32, 0i32);
            for &f in features {
                let key = inline_key(f);
                let mut i = (f as usize) & mask;
                loop {
                    // Empty slots are 0, below every key: one test ends the probe.
                    let s = self.slots[i];
                    if s >> 48 <= key {
                        if s >> 48 == key {
                            a0 += i32::from((s >> 32) as u16 as i16);
                            a1 += i32::from((s >> 16) as u16 as i16);
                            a2 += i32::from(s as u16 as i16);
                        }
                        break;
                    }
                    i = (i + 1) & mask;
                }
            }
            for (s, a) in scores.iter_mut().zip([a0, a1, a2]) {
                *s = a as f32 * self.scale;
            }
            return;
        }
        // The tables are larger than the caches: ask for every feature's slot first,
        // so that the misses overlap, then probe, then ask for the found rows.
        let mut acc = [0i32; 256];
        let acc = &mut acc[..self.classes];
        let features = &features[..features.len().min(160)];
        for &f in features {
            prefetch(&self.slots[(f as usize) & mask]);
        }
        let mut found = [0u64; 160];
        let mut n = 0;
        for &f in features {
            let key = key_of(f);
            let mut i = (f as usize) & mask;
            loop {
                let s = self.slots[i];
                if s >> 32 <= key {
                    if s >> 32 == key {
                        found[n] = s;
                        n += 1;
                    }
                    break;
                }
                i = (i + 1) & mask;
            }
        }
        for s in &found[..n] {
            let (start, len) = ((s >> 8 & 0xFF_FFFF) as usize, (s & 0xFF) as usize);
            if len == 0 {
                prefetch(&self.dense[start * self.classes]);
            } else {
                prefetch(&self.entries[start]);
            }
        }
        let classes = self.classes;
        for s in &found[..n] {
            let (start, len) = ((s >> 8 & 0xFF_FFFF) as usize, (s & 0xFF) as usize);
            if len == 0 {
                add_row(acc, &self.dense[start * classes..(start + 1) * classes]);
                continue;
            }
            for e in &self.entries[start..start + len] {
                acc[(e >> 16) as usize] += i32::from(*e as u16 as i16);
            }
        }
        for (s, a) in scores.iter_mut().zip(acc.iter()) {
            *s = *a as f32 * self.scale;
        }
    }

    /// Appends the table to `out` (little endian).
    pub fn write(&self, out: &mut Vec<u8>) {
        put_u32(out, self.classes as u32);
        out.extend_from_slice(&self.scale.to_le_bytes());
        put_u32(out, self.slots.len() as u32);
        put_u32(out, self.entries.len() as u32);
        self.slots.iter().for_each(|k| out.extend_from_slice(&k.to_le_bytes()));
        self.entries.iter().for_each(|k| put_u32(out, *k));
        put_u32(out, self.dense.len() as u32);
        self.dense.iter().for_each(|v| out.extend_from_slice(&v.to_le_bytes()));
    }

    /// Reads a table written by [`Weights::write`].
    pub fn read(r: &mut Reader<'_>) -> Result<Weights, String> {
        let classes = r.u32()? as usize;
        let scale = f32::from_bits(r.u32()?);
        let size = r.u32()? as usize;
        let n = r.u32()? as usize;
        if !size.is_power_of_two() || classes > 256 || n > MAX_ENTRIES {
            return Err("bad weight table header".into());
        }
        let mut slots: Vec<u64> = huge_vec(size);
        slots.extend(
            r.bytes(size.checked_mul(8).ok_or("model file too large")?)?
                .chunks_exact(8)
                .map(|c| u64::from_le_bytes(c.try_into().expect("8 bytes"))),
        );
        let mut entries: Vec<u32> = huge_vec(n);
        entries.extend(
            r.bytes(n.checked_mul(4).ok_or("model file too large")?)?
                .chunks_exact(4)
                .map(|c| u32::from_le_bytes(c.try_into().expect("4 bytes"))),
        );
        let d = r.u32()? as usize;
        if classes == 0 || d % classes != 0 || (classes <= INLINE && (n > 0 || d > 0)) {
            return Err("bad dense weight rows".into());
        }
        let mut dense: Vec<i16> = huge_vec(d);
        dense.extend(
            r.bytes(d.checked_mul(2).ok_or("model file too large")?)?
                .chunks_exact(2)
                .map(|c| i16::from_le_bytes([c[0], c[1]])),
        );
        // A probe ends at an empty slot at the latest: a table without one would spin.
        if !slots.contains(&0) {
            return Err("weight table has no empty slot".into());
        }
        for s in slots.iter().filter(|_| classes > INLINE) {
            let (start, len) = ((s >> 8 & 0xFF_FFFF) as usize, (s & 0xFF) as usize);
            let bad = if len == 0 { (start + 1) * classes > d } else { start + len > n };
            if *s != 0 && bad {
                return Err("weight table entry out of range".into());
            }
        }
        if entries.iter().any(|e| (e >> 16) as usize >= classes) {
            return Err("weight table class out of range".into());
        }
        Ok(Weights { classes, scale, slots, entries, dense })
    }
}

/// Adds a dense row of weights to the sums, eight at a time (so that the compiler
/// emits vector adds for any row length).
#[inline(always)]
fn add_row(acc: &mut [i32], row: &[i16]) {
    let mut a = acc.chunks_exact_mut(8);
    let mut r = row.chunks_exact(8);
    for (a, r) in (&mut a).zip(&mut r) {
        for k in 0..8 {
            a[k] += i32::from(r[k]);
        }
    }
    for (a, v) in a.into_remainder().iter_mut().zip(r.remainder()) {
        *a += i32::from(*v);
    }
}

/// Asks the CPU to bring `x`'s cache line in (a hint; does nothing elsewhere).
#[inline(always)]
fn prefetch<T>(x: &T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: prefetching is a hint that never faults, and `x` is a valid reference.
    unsafe {
        std::arch::x86_64::_mm_prefetch(x as *const T as *const i8, std::arch::x86_64::_MM_HINT_T0);
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = x;
}

/// An empty vector with room for `n` items, whose memory the kernel is asked to back
/// with huge pages: scoring reads the weight tables at random, and with 4 KiB pages
/// nearly every read of a large table also misses the TLB.
fn huge_vec<T>(n: usize) -> Vec<T> {
    let v: Vec<T> = Vec::with_capacity(n);
    let bytes = n * std::mem::size_of::<T>();
    #[cfg(target_os = "linux")]
    if bytes >= 4 << 20 {
        const HUGE: usize = 2 << 20;
        let start = (v.as_ptr() as usize).div_ceil(HUGE) * HUGE;
        let end = (v.as_ptr() as usize + bytes) / HUGE * HUGE;
        if end > start {
            // SAFETY: the range lies inside the vector's own allocation, which nothing
            // has touched yet; MADV_HUGEPAGE is a hint that changes no contents.
            unsafe {
                libc::madvise(start as *mut libc::c_void, end - start, libc::MADV_HUGEPAGE);
            }
        }
    }
    v
}

pub(crate) fn put_u32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

pub(crate) fn put_str(out: &mut Vec<u8>, s: &str) {
    put_u32(out, s.len() as u32);
    out.extend_from_slice(s.as_bytes());
}

/// A cursor over model bytes; every read is bounds-checked.
pub struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    /// Reads from the start of `bytes`.
    pub fn new(bytes: &'a [u8]) -> Self {
        Reader { bytes, at: 0 }
    }

    /// The next `n` bytes.
    pub fn bytes(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self.at.checked_add(n).filter(|e| *e <= self.bytes.len()).ok_or("model file cut short")?;
        let b = &self.bytes[self.at..end];
        self.at = end;
        Ok(b)
    }

    /// A little-endian u32.
    pub fn u32(&mut self) -> Result<u32, String> {
        let b = self.bytes(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    /// `n` little-endian u32s.
    pub fn u32s(&mut self, n: usize) -> Result<Vec<u32>, String> {
        let b = self.bytes(n.checked_mul(4).ok_or("model file too large")?)?;
        Ok(b.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect())
    }

    /// A length-prefixed UTF-8 string.
    pub fn string(&mut self) -> Result<String, String> {
        let n = self.u32()? as usize;
        String::from_utf8(self.bytes(n)?.to_vec()).map_err(|_| "model string is not UTF-8".to_string())
    }
}

/// Feature hashing: a template number and up to three values into one u64.
#[inline]
pub fn feat(template: u64, a: u64, b: u64, c: u64) -> u64 {
    let mut h = template.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ a;
    h = h.wrapping_mul(0xBF58_476D_1CE4_E5B9).rotate_left(29) ^ b;
    h = h.wrapping_mul(0x94D0_49BB_1331_11EB).rotate_left(31) ^ c;
    h ^= h >> 33;
    h = h.wrapping_mul(0xFF51_AFD7_ED55_8CCD);
    h ^ (h >> 29)
}

/// A string's hash for feature values (never 0, so 0 can mean "none").
#[inline]
pub fn hash_str(s: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(s.as_bytes()) | 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn argmax(scores: &[f32]) -> usize {
        (0..scores.len()).max_by(|a, b| scores[*a].total_cmp(&scores[*b]).then(b.cmp(a))).unwrap()
    }

    #[test]
    fn learns_and_round_trips() {
        let mut t = Trainer::new(3);
        let data = [(vec![1u64, 2], 0usize), (vec![3, 4], 1), (vec![5, 2], 2)];
        let mut scores = [0f32; 3];
        for _ in 0..5 {
            for (f, y) in &data {
                t.score(f, &mut scores);
                let guess = (0..3).max_by(|a, b| scores[*a].total_cmp(&scores[*b])).unwrap();
                t.tick();
                t.update(f, *y, guess);
            }
        }
        let w = t.freeze(0.0);
        let mut bytes = Vec::new();
        w.write(&mut bytes);
        let back = Weights::read(&mut Reader::new(&bytes)).unwrap();
        assert_eq!(w, back);
        for (f, y) in &data {
            back.score(f, &mut scores);
            let guess = (0..3).max_by(|a, b| scores[*a].total_cmp(&scores[*b])).unwrap();
            assert_eq!(guess, *y);
        }
        // A cut file is an error, not a panic.
        assert!(Weights::read(&mut Reader::new(&bytes[..bytes.len() - 1])).is_err());
        // So is a table whose every slot is taken (its probes could never end).
        let mut full = Weights { classes: 3, scale: 1.0, slots: vec![u64::MAX; 16], entries: vec![], dense: vec![] };
        let mut bytes = Vec::new();
        full.write(&mut bytes);
        assert!(Weights::read(&mut Reader::new(&bytes)).is_err());
        full.slots[5] = 0;
        bytes.clear();
        full.write(&mut bytes);
        assert!(Weights::read(&mut Reader::new(&bytes)).is_ok());
    }

    #[test]
    fn ordered_probes_find_every_feature_and_pruning_keeps_the_table_sound() {
        // Many features in a small table (long runs of slots), eight classes: sparse rows.
        let mut t = Trainer::new(8);
        let mut scores = [0f32; 8];
        for f in 0..3000u64 {
            let feats = [feat(1, f, 0, 0)];
            let truth = (f % 8) as usize;
            for _ in 0..=(f % 3) {
                t.tick();
                t.update(&feats, truth, (truth + 1) % 8);
            }
        }
        let w = t.freeze(0.0);
        for f in 0..3000u64 {
            w.score(&[feat(1, f, 0, 0)], &mut scores);
            assert_eq!(argmax(&scores), (f % 8) as usize, "feature {f}");
        }
        // Absent features score nothing.
        w.score(&[feat(2, 5, 0, 0), feat(1, 9999, 0, 0)], &mut scores);
        assert!(scores.iter().all(|s| *s == 0.0));
        // Pruning every weight of a row leaves a row that scores nothing, not a panic
        // nor a dense row; the rows after it in the run are still found.
        let p = w.pruned(0.9);
        let (mut kept, mut emptied) = (0, 0);
        let mut full = [0f32; 8];
        for f in 0..3000u64 {
            w.score(&[feat(1, f, 0, 0)], &mut full);
            p.score(&[feat(1, f, 0, 0)], &mut scores);
            for (s, x) in scores.iter().zip(&full) {
                assert_eq!(*s, if x.abs() >= 0.9 { *x } else { 0.0 }, "feature {f}");
            }
            if scores.iter().all(|s| *s == 0.0) {
                emptied += 1;
            } else {
                kept += 1;
            }
        }
        assert!(kept > 100 && emptied > 100, "{kept} kept, {emptied} emptied");
    }
}
