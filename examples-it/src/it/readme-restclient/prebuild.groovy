// Writes the root README's "Pick your stack" example for the restclient stack, and its test.
stack = 'restclient'
evaluate(new File(shared, 'generate.groovy'))
