package dev.rca.web.admin;

import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;

public class AdminExceptionHandlerFactory extends ExceptionHandlerFactory {

    public AdminExceptionHandlerFactory(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new AdminExceptionHandler(getWrapped().getExceptionHandler());
    }
}
