//! A fast hasher for the resolution's lookup tables (group ids, device properties): eight bytes
//! at a time, multiply and rotate, as rustc's FxHash does. No dependency, and these tables need
//! no resistance to crafted keys: a slow lookup is the worst a crafted tenant can cause.

use std::hash::{BuildHasherDefault, Hasher};

/// Builds [`FastHash`] hashers.
pub(crate) type FastHashBuild = BuildHasherDefault<FastHash>;

/// The hasher.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct FastHash(u64);

impl FastHash {
    const K: u64 = 0x517c_c1b7_2722_0a95;

    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(Self::K);
    }
}

impl Hasher for FastHash {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            for (to, from) in word.iter_mut().zip(rest) {
                *to = *from;
            }
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
}
