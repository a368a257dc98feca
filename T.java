import com.zaxxer.hikari.*;
public class T { public static void main(String[] a) throws Exception {
  long t=System.nanoTime();
  try { java.util.Properties p=new java.util.Properties(); p.setProperty("socketTimeout","2"); p.setProperty("user","x");
    java.sql.DriverManager.getConnection("jdbc:postgresql://127.0.0.1:55432/x", p); } catch(Exception e){ System.out.println("driver: "+(System.nanoTime()-t)/1000000+" ms "+e); }
  t=System.nanoTime();
  HikariConfig c=new HikariConfig(); c.setJdbcUrl("jdbc:postgresql://127.0.0.1:55432/x"); c.setUsername("x"); c.setConnectionTimeout(10000); c.addDataSourceProperty("socketTimeout", 2); c.setInitializationFailTimeout(-1);
  try (HikariDataSource d=new HikariDataSource(c)) { d.getConnection(); } catch(Exception e){ System.out.println("hikari: "+(System.nanoTime()-t)/1000000+" ms "+e); }
}}
