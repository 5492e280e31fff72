// The processor ran from annotationProcessorPaths: the good profile got its factory, and javac
// reported the bad ?o= as an error on the right line (Warehouses.java line 10, the ORDERS field).
def log = new File(basedir, 'build.log').text
def error = log.readLines().find { it.contains('[DatabricksProfile/InvalidWorkspaceId]') }
assert error != null : 'no InvalidWorkspaceId error in build.log'
assert error.startsWith('[ERROR] ') : error
assert error.contains('Warehouses.java:[10,') : 'error not on line 10: ' + error
assert error.contains('workspace id "64368974548254x2" in http path "/sql/1.0/warehouses/0f0f0f0f0f0f0f0f?o=64368974548254x2" is not a workspace id.') : error
assert log.contains('COMPILATION ERROR') : 'javac did not fail the build'
assert new File(basedir, 'target/generated-sources/annotations/com/example/SalesConnectionFactory.java').isFile() : 'no factory for the good profile'
assert !new File(basedir, 'target/generated-sources/annotations/com/example/OrdersConnectionFactory.java').exists()
println 'README snippet IT: ' + error
return true
