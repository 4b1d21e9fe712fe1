package app.parvandeh.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
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

  long count() {
    return statements.get();
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
            (method, result) ->
                result instanceof Connection connection
                    ? proxy(Connection.class, connection, (m, r) -> statement(r))
                    : result);
  }

  private Object statement(Object result) {
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
        (m, r) -> {
          if (EXECUTIONS.contains(m.getName())) {
            statements.incrementAndGet();
          }
          return r;
        });
  }

  private interface After {
    Object apply(Method method, Object result);
  }

  private static Object proxy(Class<?> type, Object target, After after) {
    InvocationHandler handler =
        (proxy, method, args) -> {
          if (method.getName().equals("unwrap") || method.getName().equals("isWrapperFor")) {
            return method.invoke(target, args);
          }
          try {
            return after.apply(method, method.invoke(target, args));
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        };
    return Proxy.newProxyInstance(
        StatementCounter.class.getClassLoader(), new Class<?>[] {type}, handler);
  }
}
