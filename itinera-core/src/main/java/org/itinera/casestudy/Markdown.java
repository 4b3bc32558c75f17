package org.itinera.casestudy;

/**
 * Markdown with customer text escaped, so that a quote containing {@code *}, {@code #}, links or
 * raw HTML shows as typed instead of becoming formatting or markup.
 */
final class Markdown implements Format {
  private final StringBuilder out = new StringBuilder();

  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (char c : s.replace("\r", "").replace('\n', ' ').toCharArray()) {
      switch (c) {
        case '\\', '`', '*', '_', '{', '}', '[', ']', '(', ')', '#', '+', '-', '!', '|', '>' ->
            b.append('\\').append(c);
        case '<' -> b.append("&lt;");
        case '&' -> b.append("&amp;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  @Override
  public void title(String text) {
    out.append("# ").append(escape(text)).append("\n\n");
  }

  @Override
  public void heading(String text) {
    endList();
    out.append("## ").append(escape(text)).append("\n\n");
  }

  /** A blank line after a list, so that what follows is not read as part of its last item. */
  private void endList() {
    if (out.length() > 1 && out.charAt(out.length() - 1) == '\n'
        && out.charAt(out.length() - 2) != '\n') {
      out.append('\n');
    }
  }

  @Override
  public void paragraph(String text) {
    endList();
    out.append(escape(text)).append("\n\n");
  }

  @Override
  public void bullet(String text) {
    out.append("- ").append(escape(text)).append('\n');
  }

  @Override
  public void quote(String text) {
    endList();
    out.append("> ").append(escape(text)).append("\n\n");
  }

  @Override
  public String done() {
    endList();
    return out.toString();
  }
}
