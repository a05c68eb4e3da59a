package org.sacrum.platform.boundary;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.sacrum.platform.control.Json;

import java.io.StringReader;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RequestLogTest {

    @Test
    void credentialValuesAreRedacted() {
        assertEquals("token=REDACTED&page=2", RequestLog.redact("token=sacrum_abc123&page=2"));
        assertEquals("q=back&ACCESS_TOKEN=REDACTED&Password=REDACTED&key=REDACTED&secret=REDACTED&signature=REDACTED&code=REDACTED",
                RequestLog.redact("q=back&ACCESS_TOKEN=a&Password=hunter2&key=k&secret=s&signature=sig&code=c0de"));
    }

    @Test
    void aLineIsOneJsonObjectWhateverItsPathHolds() {
        StringWriter out = new StringWriter();
        new RequestLog.Line("GET", "/api/v1/\"x\\\n", "token=secret&q=a", 200, 42, null).writeTo(out);
        assertEquals(-1, out.toString().indexOf('\n'), "one line");
        JsonObject line = Json.createReader(new StringReader(out.toString())).readObject();
        assertEquals("/api/v1/\"x\\\n", line.getString("path"));
        assertEquals("token=REDACTED&q=a", line.getString("query"));
        assertEquals(200, line.getInt("status"));
        assertEquals(42, line.getInt("micros"));
        assertEquals("anonymous", line.getString("caller"));
    }

    @Test
    void percentEncodedNamesAreRedactedToo() {
        assertEquals("%74oken=REDACTED", RequestLog.redact("%74oken=sacrum_abc"));
        assertEquals("access%5Ftoken=REDACTED", RequestLog.redact("access%5Ftoken=x"));
    }

    @Test
    void otherParametersAreKeptAsSent() {
        assertEquals("stage=trimester-3&equipment=chair&page=1&size=20", RequestLog.redact("stage=trimester-3&equipment=chair&page=1&size=20"));
        assertEquals("tokens=1&keyword=x&preview", RequestLog.redact("tokens=1&keyword=x&preview"));
        assertEquals("", RequestLog.redact(null));
        assertEquals("a=%ZZ&token=REDACTED", RequestLog.redact("a=%ZZ&token=t"));
    }
}
