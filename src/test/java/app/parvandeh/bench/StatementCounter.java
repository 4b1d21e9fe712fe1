package app.parvandeh.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts the SQL statements the application sends, whoever sends them (Hibernate, Camunda's
 * MyBatis, Spring Session, Flyway): the data source is wrapped so that every statement execution
 * (and every statement added to a batch) adds one. Registered by a benchmark on its own application
 * context only.
 */
final class StatementCounter {

  private static final Set<String> EXECUTIONS =
      Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate", "addBatch");

  private final AtomicLong statements = new AtomicLong();
  private final Map<String, LongAdder> bySql = new ConcurrentHashMap<>();

  long count() {
    return statements.get();
  }

  /** How many times each SQL text has been executed so far. */
  Map<String, Long> bySql() {
    Map<String, Long> copy = new HashMap<>();
    bySql.forEach((sql, n) -> copy.put(sql, n.sum()));
    return copy;
  }

  /**
   * Prints the {@code top} statements executed most between two {@link #bySql()} snapshots, per
   * file: where a side's statement count comes from.
   */
  static void printTop(
      String side, Map<String, Long> before, Map<String, Long> after, int files, int top) {
    after.entrySet().stream()
        .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
        .filter(e -> e.getValue() > 0)
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(top)
        .forEach(
            e ->
                System.out.printf(
                    "BENCH SQL %s | %.2f per file | %s%n",
                    side, (double) e.getValue() / files, e.getKey()));
  }

  BeanPostProcessor wrapper() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof DataSource dataSource && !Proxy.isProxyClass(bean.getClass())
            ? wrap(dataSource)
            : bean;
      }
    };
  }

  private DataSource wrap(DataSource dataSource) {
    return (DataSource)
        proxy(
            DataSource.class,
            dataSource,
            (self, method, args, result) ->
                result instanceof Connection connection
                    ? proxy(Connection.class, connection, (c, m, a, r) -> statement(m, a, r))
                    : result);
  }

  private Object statement(Method made, Object[] madeWith, Object result) {
    if (!(result instanceof Statement)) {
      return result;
    }
    Class<?> type =
        result instanceof CallableStatement
            ? CallableStatement.class
            : result instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
    return proxy(
        type,
        result,
        (self, m, args, r) -> {
          if (EXECUTIONS.contains(m.getName())) {
            statements.incrementAndGet();
            Object sql =
                args != null && args.length > 0 && args[0] instanceof String text
                    ? text
                    : madeWith != null && madeWith.length > 0 ? madeWith[0] : made.getName();
            bySql.computeIfAbsent(shorten(String.valueOf(sql)), k -> new LongAdder()).increment();
          }
          if (r instanceof ResultSet resultSet) {
            // its statement is this wrapper, as the driver's result sets answer: Hibernate
            // registers a result set under getStatement(), and under the driver's statement it
            // would close that statement a second time (H2 writes each such close to its trace)
            return proxy(
                ResultSet.class,
                resultSet,
                (s2, m2, a2, r2) -> m2.getName().equals("getStatement") ? self : r2);
          }
          return r;
        });
  }

  private static String shorten(String sql) {
    String oneLine = sql.replaceAll("\\s+", " ").trim();
    return oneLine.length() > 160 ? oneLine.substring(0, 160) + "…" : oneLine;
  }

  private interface After {
    Object apply(Object proxy, Method method, Object[] args, Object result);
  }

  private static Object proxy(Class<?> type, Object target, After after) {
    InvocationHandler handler =
        (proxy, method, args) -> {
          // a wrapper is its own object (Hibernate keeps statements in hash maps)
          if (method.getName().equals("equals") && args != null && args.length == 1) {
            return proxy == args[0];
          }
          if (method.getName().equals("hashCode") && (args == null || args.length == 0)) {
            return System.identityHashCode(proxy);
          }
          if (method.getName().equals("unwrap") || method.getName().equals("isWrapperFor")) {
            return method.invoke(target, args);
          }
          try {
            return after.apply(proxy, method, args, method.invoke(target, args));
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        };
    return Proxy.newProxyInstance(
        StatementCounter.class.getClassLoader(), new Class<?>[] {type}, handler);
  }
}
