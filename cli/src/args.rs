//! A small argument reader: `--name VALUE`, `--name=VALUE`, `--flag`, and positional words.

/// The arguments of one command.
pub struct Args {
    values: Vec<(&'static str, String)>,
    flags: Vec<&'static str>,
    positionals: Vec<String>,
}

impl Args {
    /// Reads `args` for a command that takes the named `options` (with a value) and `flags`
    /// (without); anything else starting with `--` is a mistake.
    pub fn parse(
        args: &[String],
        options: &[&'static str],
        flags: &[&'static str],
    ) -> Result<Args, String> {
        let mut parsed = Args {
            values: Vec::new(),
            flags: Vec::new(),
            positionals: Vec::new(),
        };
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            let Some(word) = arg.strip_prefix("--") else {
                parsed.positionals.push(arg.clone());
                continue;
            };
            let (name, inline) = match word.split_once('=') {
                Some((name, value)) => (name, Some(value.to_owned())),
                None => (word, None),
            };
            if let Some(flag) = flags.iter().find(|f| **f == name) {
                if inline.is_some() {
                    return Err(format!("`--{name}` takes no value"));
                }
                parsed.flags.push(flag);
            } else if let Some(option) = options.iter().find(|o| **o == name) {
                let value = match inline {
                    Some(value) => value,
                    None => args
                        .next()
                        .cloned()
                        .ok_or_else(|| format!("`--{name}` needs a value"))?,
                };
                if parsed.value(option).is_some() {
                    return Err(format!("`--{name}` is given twice"));
                }
                parsed.values.push((option, value));
            } else {
                return Err(format!("unknown argument `{arg}`"));
            }
        }
        Ok(parsed)
    }

    /// The value of an option, if given.
    pub fn value(&self, name: &str) -> Option<&str> {
        self.values
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The value of an option that must be given.
    pub fn required(&self, name: &str, what: &str) -> Result<&str, String> {
        self.value(name)
            .ok_or_else(|| format!("`--{name} {what}` is required"))
    }

    /// Whether a flag is set.
    pub fn flag(&self, name: &str) -> bool {
        self.flags.contains(&name)
    }

    /// The words that are not options.
    pub fn positionals(&self) -> &[String] {
        &self.positionals
    }
}
