package app.initscope.render;

/** Where a text's y coordinate is: the top of the line, its middle, the baseline, or the bottom of the line. */
public enum Baseline { TOP, CENTER, BASELINE, BOTTOM }
