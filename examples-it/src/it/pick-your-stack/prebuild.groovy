// Writes the root README's "Pick your stack" example and its test into each module, one per stack.
def project = basedir
['retrofit', 'feign', 'restclient'].each { name ->
  stack = name
  basedir = new File(project, "readme-${name}")
  evaluate(new File(shared, 'generate.groovy'))
}
basedir = project
return true
