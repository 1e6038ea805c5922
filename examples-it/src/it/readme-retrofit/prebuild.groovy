// Writes the root README's "Pick your stack" example for the retrofit stack, and its test.
stack = 'retrofit'
evaluate(new File(shared, 'generate.groovy'))
