package dev.gantry.ui.account;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.vaadin.flow.component.html.Image;

/** A QR code drawn on the server as SVG: no JavaScript library, no image file, nothing sent elsewhere. */
final class QrCode {

    private QrCode() {
    }

    static Image of(String text, String alt) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
            StringBuilder path = new StringBuilder();
            for (int y = 0; y < matrix.getHeight(); y++) {
                for (int x = 0; x < matrix.getWidth(); x++) {
                    if (matrix.get(x, y)) {
                        path.append('M').append(x).append(',').append(y).append("h1v1h-1z");
                    }
                }
            }
            String svg = "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 " + matrix.getWidth() + " "
                    + matrix.getHeight() + "' shape-rendering='crispEdges'><rect width='100%' height='100%' fill='#fff'/>"
                    + "<path d='" + path + "' fill='#000'/></svg>";
            Image image = new Image("data:image/svg+xml;base64,"
                    + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8)), alt);
            image.setWidth("220px");
            image.setHeight("220px");
            return image;
        } catch (WriterException e) {
            throw new IllegalStateException("QR code could not be drawn", e);
        }
    }
}
