"""Stand-in for the `lbrc_flask` package (github:LCBRU/lbrc_flask, src/lbrc_flask): only `database`, which revision
f78b5800f287 of phage_catalogue imports."""
