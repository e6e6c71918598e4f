//! `esp-preview`: the command-line face of esp-core.
fn main() {
    std::process::exit(esp_preview_main(std::env::args().skip(1).collect()));
}

const USAGE: &str = "\
esp-preview: design checks and previews for Windows Enrollment Status Page profiles

Usage:
  esp-preview --help       show this help
  esp-preview --version    show the version
";

fn esp_preview_main(args: Vec<String>) -> i32 {
    match args.first().map(String::as_str) {
        None | Some("--help") | Some("-h") | Some("help") => {
            print!("{USAGE}");
            0
        }
        Some("--version") | Some("-V") => {
            println!("esp-preview {}", env!("CARGO_PKG_VERSION"));
            0
        }
        Some(other) => {
            eprintln!("esp-preview: unknown command `{other}`\n\n{USAGE}");
            2
        }
    }
}
