// Copies the ```java block under "## Example" of sandbox-junit's README, as written, to
// src/test/java (binding: basedir, readme). Nothing is added: the block carries its own imports.
def text = new File(readme).getText('UTF-8')
def section = text.indexOf('\n## Example')
if (section < 0) {
  throw new IllegalStateException("${readme} has no '## Example' section")
}
def block = (text.substring(section) =~ /(?s)```java\n(.*?)```/)
if (!block.find()) {
  throw new IllegalStateException("no ```java block under '## Example' in ${readme}")
}
def source = block.group(1)
def name = (source =~ /(?m)^(?:public\s+)?(?:final\s+)?class\s+(\w+)/)
if (!name.find()) {
  throw new IllegalStateException("the README example declares no class")
}
def pkg = (source =~ /(?m)^package\s+([\w.]+);/)
def dir = new File(basedir, 'src/test/java/' + (pkg.find() ? pkg.group(1).replace('.', '/') : ''))
dir.mkdirs()
new File(dir, name.group(1) + '.java').setText(source, 'UTF-8')
return true
