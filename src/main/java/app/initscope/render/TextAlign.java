package app.initscope.render;

/** Where a text's x coordinate is: its left end, centre or right end. */
public enum TextAlign { LEFT, CENTER, RIGHT }
