package org.itinera.casestudy;

/** An output format for case studies; each implementation escapes text for itself. */
interface Format {
  void title(String text);

  void heading(String text);

  void paragraph(String text);

  void bullet(String text);

  void quote(String text);

  String done();
}
