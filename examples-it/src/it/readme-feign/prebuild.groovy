// Writes the root README's "Pick your stack" example for the feign stack, and its test.
stack = 'feign'
evaluate(new File(shared, 'generate.groovy'))
