"""`kb diff`: what a change means, in the partnership's terms rather than lines."""
