package org.itinera.casestudy;

/** A self-contained HTML page; every piece of text is HTML-escaped. */
final class Html implements Format {
  private final StringBuilder out = new StringBuilder();
  private boolean inList;

  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  private void closeList() {
    if (inList) {
      out.append("</ul>\n");
      inList = false;
    }
  }

  @Override
  public void title(String text) {
    out.append("<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>")
        .append(escape(text)).append("</title><style>body{font-family:system-ui,'Noto Sans KR',"
            + "sans-serif;max-width:46rem;margin:2rem auto;line-height:1.55;color:#1f2933}"
            + "blockquote{border-left:4px solid #5b8def;margin:0.5rem 0;padding:0.25rem 1rem;"
            + "color:#3e4c59;background:#f5f7fa}</style></head><body>\n<h1>")
        .append(escape(text)).append("</h1>\n");
  }

  @Override
  public void heading(String text) {
    closeList();
    out.append("<h2>").append(escape(text)).append("</h2>\n");
  }

  @Override
  public void paragraph(String text) {
    closeList();
    out.append("<p>").append(escape(text)).append("</p>\n");
  }

  @Override
  public void bullet(String text) {
    if (!inList) {
      out.append("<ul>\n");
      inList = true;
    }
    out.append("<li>").append(escape(text)).append("</li>\n");
  }

  @Override
  public void quote(String text) {
    closeList();
    out.append("<blockquote>").append(escape(text)).append("</blockquote>\n");
  }

  @Override
  public String done() {
    closeList();
    return out.append("</body></html>\n").toString();
  }
}
